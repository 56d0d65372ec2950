-- The same rule as V4's admin_unit_no_overlap (one meaning per code and day), with the code compared as a number:
-- btree_gist compares text keys several times slower than bigint ones, and this index was most of the cost of writing
-- the register (the first-start seed: ~1 s of ~14,000 rows on text, ~0.2 s on numbers). '1' || code keeps codes of
-- different lengths apart ('01' → 101, '001' → 1001, '00001' → 100001); the check on code admits digits only.
alter table admin_unit drop constraint admin_unit_no_overlap;
alter table admin_unit add constraint admin_unit_no_overlap
    exclude using gist ((('1' || code)::bigint) with =, daterange(valid_from, valid_to, '[]') with &&)
        deferrable initially deferred;
