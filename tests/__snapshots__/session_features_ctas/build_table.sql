CREATE TABLE session_features_20260302
WITH (
  format = 'PARQUET',
  write_compression = 'ZSTD',
  external_location = 's3://acme-features-dev/staging/session_features/dt=2026-03-02/'
) AS
SELECT
  session_id,
  user_id,
  count(*) AS events,
  count_if(event_type = 'add_to_cart') AS add_to_cart,
  max(event_ts) - min(event_ts) AS duration
FROM raw.clickstream
WHERE dt = '2026-03-02'
GROUP BY session_id, user_id
