-- coach-service read models arrive with the coach features.
select 1;
