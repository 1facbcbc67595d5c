-- Serving views for the churn model's online features (views are cheap to replace inside one transaction).
CREATE OR REPLACE VIEW ml.customer_features_latest AS
SELECT * FROM ml.customer_features
WHERE dt = (SELECT max(dt) FROM ml.customer_features);
CREATE OR REPLACE VIEW ml.customer_features_active AS
SELECT * FROM ml.customer_features_latest
WHERE sessions_7d > 0;
