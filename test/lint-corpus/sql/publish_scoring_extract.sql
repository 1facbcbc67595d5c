-- Publish the day's scoring extract for the forecast service, and a copy for the finance partner.

UNLOAD ('SELECT store_id, order_date, orders, revenue FROM ml.forecast_inputs WHERE order_date = ''{{ ds }}''')
TO 's3://{{ var.value.ml_exports_bucket }}/forecast/scoring/dt={{ ds }}/part_'
IAM_ROLE 'arn:aws:iam::123456789012:role/redshift-unload-scoring'
FORMAT AS PARQUET
ALLOWOVERWRITE;

UNLOAD ('SELECT store_id, order_date, revenue FROM ml.forecast_inputs WHERE order_date = ''{{ ds }}''')
TO 's3://globex-finance-inbound/acme/forecast/dt={{ ds }}/part_'
CREDENTIALS 'aws_access_key_id=AKIA4TPIHTKGWRKL4TUG;aws_secret_access_key=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'
KMS_KEY_ID 'arn:aws:kms:us-east-1:123456789012:key/4f1c2b7e-93d1-4c0a-9a51-2f6d8e0b7c34'
ENCRYPTED
FORMAT AS CSV
ALLOWOVERWRITE;
