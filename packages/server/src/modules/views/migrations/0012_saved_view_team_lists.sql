-- GET /tickets takes several teams (team=a,b); saved views keep their filters as that query's lists,
-- so a team stored as one string becomes a list of one.
UPDATE saved_views SET filters = jsonb_set(filters, '{team}', jsonb_build_array(filters->'team'))
WHERE jsonb_typeof(filters->'team') = 'string';
