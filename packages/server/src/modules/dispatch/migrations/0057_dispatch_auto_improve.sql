-- 日内优化 run by itself: the dispatch sweep moves jobs not started to whoever is nearer every few minutes
-- (assignment/auto-improve.ts), for tickets whose policy says so. Off by default: a dispatcher asks.
ALTER TABLE dispatch_policies ADD COLUMN auto_improve boolean NOT NULL DEFAULT false;
