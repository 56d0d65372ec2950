-- The JSON value columns become jsonb, mapped with Hibernate's JSON type. Every value was written by Jackson, so
-- each one converts; jsonb keeps the strings (Vietnamese text byte for byte), numbers and array order, and drops
-- only insignificant whitespace and the key order inside objects, which these values do not rely on. The stated
-- figures stay text: their key order is the notice's.
alter table catalog_set
    alter column criteria type jsonb using criteria::jsonb;
alter table inspection
    alter column lead_agency type jsonb using lead_agency::jsonb,
    alter column legal_basis type jsonb using legal_basis::jsonb,
    alter column participants type jsonb using participants::jsonb;
alter table finding
    alter column responsible type jsonb using responsible::jsonb;
alter table recommendation
    alter column assignee type jsonb using assignee::jsonb;
