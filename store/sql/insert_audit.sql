-- One audit entry (store.Audit).
INSERT INTO audit_log (at, username, role, action, outcome, detail, ip, request_id)
SELECT @at, @username, @role, @action, @outcome, @detail, @ip, @request_id
