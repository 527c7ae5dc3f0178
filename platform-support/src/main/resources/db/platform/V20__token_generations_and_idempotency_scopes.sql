-- Logout and a password change revoke every token issued before them: a token carries the account's generation
-- at issue time and is accepted only while it is still the account's current one.
alter table account add column token_generation bigint not null default 0;

-- Idempotency keys are now scoped by a SHA-256 of service, route and caller (64 hex characters whatever the email's
-- length), hold no tokens and no hash over a password, expire after 24 hours, and name the process that claimed
-- them so a claim of a process that is gone can be released. Rows kept so far held live tokens: they go.
delete from idempotent_request;
alter table idempotent_request add column owner varchar(36);
create index idempotent_request_created_at on idempotent_request (created_at);
