CREATE TABLE session_features_{{ ds_nodash }}
WITH (
  format = 'PARQUET',
  write_compression = 'ZSTD',
  external_location = 's3://${featureBucket}/staging/session_features/dt={{ ds }}/'
) AS
SELECT
  session_id,
  user_id,
  count(*) AS events,
  count_if(event_type = 'add_to_cart') AS add_to_cart,
  max(event_ts) - min(event_ts) AS duration
FROM raw.clickstream
WHERE dt = '{{ ds }}'
GROUP BY session_id, user_id
