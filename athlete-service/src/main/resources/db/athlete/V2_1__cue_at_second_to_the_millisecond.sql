-- API v1.1: a cue's atSecond is a number of seconds to the millisecond (1.532). Unbounded numeric, so a cue recorded
-- under any rule keeps the value its event holds.
alter table athlete_cue alter column at_second set data type numeric;
