-- Progress is kept up to date as events arrive: the kernel fold's state per athlete and exercise (ProgressState,
-- serialized as the events are), so a view reads one row. 'format' is ProgressState.FORMAT when written: a row of
-- another format is never read, and is rebuilt from athlete_progress_event at the athlete's next event. 'status' is
-- the state's status (no clock changes it), for reads that sort by it. 'version' counts writes: a state is written
-- only if it is still the version read (two segments of a group may handle one athlete's events at once).
create table athlete_progress_state (
    athlete_id uuid        not null,
    exercise   varchar(40) not null,
    version    bigint      not null,
    format     integer     not null,
    status     varchar(20) not null,
    state      bytea       not null,
    primary key (athlete_id, exercise)
);

-- Read models are rebuilt from the events, not converted: every table of athlete.read-models is emptied and the
-- processor's token removed, so on start it handles every event again from the first and the states are built.
delete from athlete_progress_event;
delete from athlete_timeline_item;
delete from athlete_cue;
delete from athlete_known_coach;
delete from token_entry where processor_name = 'athlete.read-models';
