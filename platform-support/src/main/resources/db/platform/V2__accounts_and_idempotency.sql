-- Credentials never go into an event: events are forever. Each service reads only its own role's rows.
create table account (
    id            uuid         primary key,
    role          varchar(16)  not null,
    email         varchar(254) not null,
    password_hash varchar(255) not null,
    display_name  varchar(80)  not null,
    created_at    timestamp with time zone not null,
    constraint account_role_email unique (role, email)
);

-- First answers to POSTs that carried an Idempotency-Key, per caller.
create table idempotent_request (
    scope         varchar(64)  not null,
    idem_key      varchar(255) not null,
    request_hash  varchar(64)  not null,
    status        integer,
    response      bytea,
    created_at    timestamp with time zone not null,
    primary key (scope, idem_key)
);
