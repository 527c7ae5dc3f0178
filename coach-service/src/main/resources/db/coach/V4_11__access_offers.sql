-- Athletes' offers of access to a coach's email (coach.offers), by the email's keyed digest; accepted once taken up.
-- New events only: nothing to rebuild.
create table coach_access_offer (
    offer_id     uuid        primary key,
    athlete_id   uuid        not null,
    email_digest varchar(64) not null,
    at           timestamp with time zone not null,
    accepted     boolean     not null default false
);
create index coach_access_offer_digest on coach_access_offer (email_digest, at);
