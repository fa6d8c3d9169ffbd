-- What a policy dispatches to (派单对象): a person (the engine picks among everyone eligible), or the
-- nearest service outlet (服务网点) that can do the work, and within it its best-scored person.
ALTER TABLE dispatch_policies ADD COLUMN target text NOT NULL DEFAULT 'person' CHECK (target IN ('person', 'outlet'));
