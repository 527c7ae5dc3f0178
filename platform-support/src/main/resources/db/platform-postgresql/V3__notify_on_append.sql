-- PostgreSQL only: tell listening services at commit that events were appended (one notification per
-- transaction; PostgreSQL folds identical ones), so they read them at once instead of at the next poll.
create function hinge_notify_events_appended() returns trigger language plpgsql as $$
begin
    perform pg_notify('hinge_events_appended', '');
    return null;
end;
$$;

create trigger domain_event_entry_appended
    after insert on domain_event_entry
    for each statement execute function hinge_notify_events_appended();
