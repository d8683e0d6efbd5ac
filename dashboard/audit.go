package dashboard

import (
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/uptake/uptake/store"
)

// auditPageRows is how many entries the audit page shows.
const auditPageRows = 500

// audit records what the signed-in user (or, at sign-in, username) did. A
// failed write is logged loudly but does not undo what was done.
func (s *Server) audit(c echo.Context, username, role, action, outcome, detail string) {
	if sess := currentSession(c); sess.Username != "" {
		username, role = sess.Username, sess.Role
	}
	e := store.AuditEntry{At: s.now(), Username: username, Role: role, Action: action, Outcome: outcome, Detail: detail,
		IP: c.RealIP(), RequestID: requestID(c)}
	if err := s.store.Audit(c.Request().Context(), e); err != nil {
		s.logger(c).Error("audit entry not written", "action", action, "user", username, "err", err)
	}
}

type auditView struct {
	Entries          []store.AuditEntry
	Username, Action string
	Actions          []string
	Limit            int
}

// auditPage lists the newest entries, filtered by user and action.
func (s *Server) auditPage(c echo.Context) error {
	v := auditView{Username: strings.TrimSpace(c.QueryParam("user")), Action: c.QueryParam("action"), Actions: store.AuditActions, Limit: auditPageRows}
	if v.Action != "" && !slices.Contains(store.AuditActions, v.Action) {
		return echo.NewHTTPError(http.StatusBadRequest, "action must be one of "+strings.Join(store.AuditActions, ", ")+", or empty for all")
	}
	if err := checkText("user", v.Username, 200); err != nil {
		return err
	}
	var err error
	if v.Entries, err = s.store.AuditLog(c.Request().Context(), v.Username, v.Action, auditPageRows); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "audit", "Audit log", v)
}
