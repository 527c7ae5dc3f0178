-- Finding each other: a coach's current invite code (athlete.coaches), and the coaches each athlete has granted access
-- now, since when (athlete.grants). Codes are not unique here: a code two coaches hold is refused as unknown.
alter table athlete_known_coach add column invite_code varchar(32);
create index athlete_known_coach_invite on athlete_known_coach (invite_code);

create table athlete_coach_grant (
    athlete_id uuid not null,
    coach_id   uuid not null,
    since      timestamp with time zone not null,
    primary key (athlete_id, coach_id)
);

-- Rebuilt from the events (see V3_1): every table of athlete.read-models is emptied and the processor's token removed.
delete from athlete_progress_state;
delete from athlete_progress_event;
delete from athlete_timeline_item;
delete from athlete_cue;
delete from athlete_known_coach;
delete from token_entry where processor_name = 'athlete.read-models';
