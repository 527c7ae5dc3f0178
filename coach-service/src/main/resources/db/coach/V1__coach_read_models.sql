-- Which athletes each coach may act for (coach.access), from the relationships' own events.
create table coach_relationship (
    coach_id   uuid    not null,
    athlete_id uuid    not null,
    open       boolean not null,
    primary key (coach_id, athlete_id)
);

-- What a coach's roster shows of an athlete (coach.roster).
create table coach_athlete (
    athlete_id          uuid        primary key,
    display_name        varchar(80),
    last_set_at         timestamp with time zone,
    last_exercise       varchar(40),
    latest_pain_score   integer,
    latest_pain_quality varchar(20),
    latest_pain_at      timestamp with time zone
);

-- The heaviest load each athlete logged per exercise: a deload's default reference max (coach.roster).
create table coach_heaviest_load (
    athlete_id uuid           not null,
    exercise   varchar(40)    not null,
    load_value numeric(20, 12) not null,
    unit       varchar(2)     not null,
    kilograms  numeric(24, 12) not null,
    primary key (athlete_id, exercise)
);

-- Videos athletes attached, and whether a coach reviewed them yet (coach.videos).
create table coach_video (
    video_id     uuid          primary key,
    athlete_id   uuid          not null,
    set_id       uuid          not null,
    exercise     varchar(40)   not null,
    url          varchar(2048) not null,
    submitted_at timestamp with time zone not null,
    reviewed_at  timestamp with time zone
);
create index coach_video_queue on coach_video (submitted_at, video_id);

-- The athletes' timelines as coaches read them (coach.timeline).
create table coach_timeline_item (
    athlete_id uuid         not null,
    item_id    uuid         not null,
    at         timestamp with time zone not null,
    position   bigint       not null,
    type       varchar(40)  not null,
    exercise   varchar(40),
    item       text         not null,
    primary key (athlete_id, item_id)
);
create index coach_timeline_item_order on coach_timeline_item (athlete_id, at, position);

-- The events the progress fold reads, per athlete (coach.progress).
create table coach_progress_event (
    athlete_id       uuid         not null,
    event_id         uuid         not null,
    position         bigint       not null,
    payload_type     varchar(255) not null,
    payload_revision varchar(255),
    payload          bytea        not null,
    primary key (athlete_id, event_id)
);
create index coach_progress_event_order on coach_progress_event (athlete_id, position);
