package store

import (
	"context"
	"fmt"
	"time"
)

// Audit actions: what the audit log records.
const (
	AuditSignIn  = "sign-in"
	AuditSignOut = "sign-out"
	AuditExport  = "export"
	AuditUpload  = "upload"
	AuditIngest  = "ingest"
	AuditUser    = "user-change"
)

// AuditActions lists every action, in the order pages and help show them.
var AuditActions = []string{AuditSignIn, AuditSignOut, AuditExport, AuditUpload, AuditIngest, AuditUser}

// AuditEntry is one line of the audit log: who did what, when, and how it
// ended ("ok", "refused", "failed").
type AuditEntry struct {
	At        time.Time `ch:"at" json:"at"`
	Username  string    `ch:"username" json:"username"`
	Role      string    `ch:"role" json:"role"`
	Action    string    `ch:"action" json:"action"`
	Outcome   string    `ch:"outcome" json:"outcome"`
	Detail    string    `ch:"detail" json:"detail"`
	IP        string    `ch:"ip" json:"ip"`
	RequestID string    `ch:"request_id" json:"request_id"`
}

// Audit appends e to the audit log (At defaults to now).
func (s *Store) Audit(ctx context.Context, e AuditEntry) error {
	q, err := loadStoreQueries()
	if err != nil {
		return err
	}
	if e.At.IsZero() {
		e.At = time.Now()
	}
	err = s.Exec(ctx, q.InsertAudit, Args{"at": e.At.UTC(), "username": e.Username, "role": e.Role, "action": e.Action,
		"outcome": e.Outcome, "detail": e.Detail, "ip": e.IP, "request_id": e.RequestID})
	if err != nil {
		return fmt.Errorf("writing the audit log: %w", err)
	}
	return nil
}

// AuditLog returns the newest entries, at most limit, of one user and one
// action when those are not empty.
func (s *Store) AuditLog(ctx context.Context, username, action string, limit int) ([]AuditEntry, error) {
	q, err := loadStoreQueries()
	if err != nil {
		return nil, err
	}
	res, err := s.Query(ctx, q.AuditEntries, Args{"username": username, "action": action, "limit": limit})
	if err != nil {
		return nil, fmt.Errorf("reading the audit log: %w", err)
	}
	return Scan[AuditEntry](res)
}
