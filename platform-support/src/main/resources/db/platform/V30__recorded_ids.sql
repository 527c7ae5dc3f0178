-- Where each thing recorded under an id of the client's own (a set, a video, a pain report, a review, a cue, a deload,
-- a clearance; a cue's retirement under the cue's id) sits in its aggregate's history. A repeat of the id answers the
-- event stored there; the aggregates no longer keep a registry of every id they have seen. A row is written in the
-- transaction that appends its event, and the key makes a racing repeat fail instead of recording the thing twice.
create table recorded_id (
    aggregate_identifier varchar(255) not null,
    kind                 varchar(40)  not null,
    client_id            uuid         not null,
    sequence_number      bigint       not null,
    primary key (aggregate_identifier, kind, client_id)
);
