-- An appending transaction takes its transaction id before its global index, so a reader that sees an index missing
-- knows the transaction holding it is either ended or listed as in progress in a snapshot taken afterwards
-- (GapSafeEventStorageEngine). Axon's insert never sets global_index; this default does.
create function hinge_next_global_index() returns bigint language plpgsql volatile as $$
begin
    perform pg_current_xact_id();
    return nextval('domain_event_entry_global_index_seq');
end;
$$;

alter table domain_event_entry alter column global_index set default hinge_next_global_index();
