-- Finding candidates for a common word reads thousands of kb_search_rank rows, and the row-level
-- security filter ran current_setting() and a uuid cast for each of them (about a tenth of the
-- query). As a scalar subquery the tenant is computed once per query (an InitPlan); what the policy
-- lets through is the same.
ALTER POLICY tenant_isolation ON kb_search_rank USING (tenant_id = (SELECT current_tenant_id())) WITH CHECK (tenant_id = (SELECT current_tenant_id()));
ALTER POLICY tenant_isolation ON kb_search_docs USING (tenant_id = (SELECT current_tenant_id())) WITH CHECK (tenant_id = (SELECT current_tenant_id()));
