-- 受理即响应: what achieves a policy's first response. 'reply' (the first public staff reply, as before)
-- or 'accept' (also the ticket taken: its first status out of 待受理 new). Existing policies keep 'reply'.
ALTER TABLE sla_policies ADD COLUMN first_response_on text NOT NULL DEFAULT 'reply'
  CHECK (first_response_on IN ('reply', 'accept'));
