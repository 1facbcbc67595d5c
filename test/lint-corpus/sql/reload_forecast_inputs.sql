-- Rebuild the day's forecast inputs: delete the partition, then insert it again, in one transaction (the Data API
-- runs the statements of a batch as one), so a retry of this step replaces the day instead of doubling it.

DELETE FROM ml.forecast_inputs WHERE order_date = '{{ ds }}';

INSERT INTO ml.forecast_inputs
SELECT order_date, store_id, orders, revenue, returned
  FROM analytics.order_facts_daily
 WHERE order_date = '{{ ds }}';
