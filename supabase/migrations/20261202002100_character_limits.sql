-- Text limits count characters as people see them (grapheme clusters: "👩🏽‍💻" is one) in the app.
-- A CHECK cannot count graphemes (Postgres has no text segmentation), so the database bounds code
-- points instead, at 10 per allowed character: the longest emoji in Unicode's recommended set is
-- 10 code points, so anything within the app's limit fits, and the column still has a hard ceiling.
-- The app checks the same ceiling (lib/text/graphemes.ts), so a refusal always comes with a message.

alter table public.user_profiles
  drop constraint user_profiles_field_of_study_length,
  add constraint user_profiles_field_of_study_length
    check (char_length(field_of_study) <= 1200),
  drop constraint user_profiles_skills_technologies_items,
  add constraint user_profiles_skills_technologies_items
    check (private.text_items_within(skills_technologies, 50, 500)),
  drop constraint user_profiles_preferred_locations_items,
  add constraint user_profiles_preferred_locations_items
    check (private.text_items_within(preferred_locations, 20, 1000));
