-- Serving views for the churn model's online features.
REFRESH MATERIALIZED VIEW ml.customer_features_latest;
REFRESH MATERIALIZED VIEW ml.customer_features_7d;
