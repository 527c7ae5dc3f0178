-- The athlete's own progression timeline (athlete.timeline).
create table athlete_timeline_item (
    athlete_id uuid         not null,
    item_id    uuid         not null,
    at         timestamp with time zone not null,
    position   bigint       not null,
    type       varchar(40)  not null,
    exercise   varchar(40),
    item       text         not null,
    primary key (athlete_id, item_id)
);
create index athlete_timeline_item_order on athlete_timeline_item (athlete_id, at, position);

-- Coaches an athlete can grant access to (athlete.coaches), learned from coach-service's events.
create table athlete_known_coach (
    coach_id     uuid        primary key,
    display_name varchar(80) not null
);

-- Cues coaches assigned (athlete.cues); retired_at is null while active.
create table athlete_cue (
    cue_id      uuid         primary key,
    athlete_id  uuid         not null,
    coach_id    uuid         not null,
    text        varchar(200) not null,
    exercise    varchar(40)  not null,
    fault       varchar(40),
    video_id    uuid,
    at_second   integer,
    assigned_at timestamp with time zone not null,
    retired_at  timestamp with time zone
);
create index athlete_cue_active on athlete_cue (athlete_id, assigned_at);

-- The events the kernel's progress fold reads, per athlete (athlete.progress); views are folded on request.
create table athlete_progress_event (
    athlete_id       uuid         not null,
    event_id         uuid         not null,
    position         bigint       not null,
    payload_type     varchar(255) not null,
    payload_revision varchar(255),
    payload          bytea        not null,
    primary key (athlete_id, event_id)
);
create index athlete_progress_event_order on athlete_progress_event (athlete_id, position);
