package dashboard

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/store"
)

// defaultMaxUploadBytes bounds one uploaded export file (Options.MaxUploadBytes).
const defaultMaxUploadBytes = 2 << 30

// usersView is the admin's user list and the outcome of the last change.
type usersView struct {
	Users   []User
	Roles   []string
	Message string
	Error   string
	CSRF    string
}

func (s *Server) usersPage(c echo.Context) error {
	return s.renderUsers(c, http.StatusOK, "", "")
}

func (s *Server) renderUsers(c echo.Context, status int, msg, errText string) error {
	list, err := s.users.List(c.Request().Context())
	if err != nil {
		return err
	}
	v := usersView{Users: list, Roles: Roles(), Message: msg, Error: errText, CSRF: s.csrfToken(currentSession(c))}
	return s.render(c, status, "users", "Users", v)
}

// saveUser adds or changes a user from the admin's form (Users.Add checks
// the name, role, scope and password).
func (s *Server) saveUser(c echo.Context) error {
	u := User{Username: strings.TrimSpace(c.FormValue("username")), DisplayName: strings.TrimSpace(c.FormValue("display_name")),
		Role: c.FormValue("role"), Manager: strings.TrimSpace(c.FormValue("manager")), Disabled: c.FormValue("disabled") == "on"}
	if err := s.users.Add(c.Request().Context(), u, c.FormValue("password")); err != nil {
		s.audit(c, "", "", store.AuditUser, "refused", fmt.Sprintf("user %s: %v", u.Username, err))
		return s.renderUsers(c, http.StatusBadRequest, "", err.Error())
	}
	s.logger(c).Info("user saved", "by", currentSession(c).Username, "user", u.Username, "role", u.Role, "disabled", u.Disabled)
	s.audit(c, "", "", store.AuditUser, "ok", fmt.Sprintf("user %s saved: role %s, accounts of %q, disabled %t", u.Username, u.Role, u.Manager, u.Disabled))
	return s.renderUsers(c, http.StatusOK, fmt.Sprintf("User %s saved.", u.Username), "")
}

// quarantinePage lists the newest quarantined rows with their reasons
// (analytics.Quarantine).
func (s *Server) quarantinePage(c echo.Context) error {
	rows, err := s.svc.Quarantine(c.Request().Context(), "", 200)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "quarantine", "Quarantine", rows)
}

// uploadView is the upload page and the outcome of an upload.
type uploadView struct {
	CSRF    string
	Result  *ingest.Result
	Refresh string
	Error   string
	KeySet  bool
}

func (s *Server) uploadPage(c echo.Context) error {
	return s.render(c, http.StatusOK, "upload", "Upload", uploadView{CSRF: s.csrfToken(currentSession(c)), KeySet: s.opts.PseudonymKey != ""})
}

// upload loads one export file as `uptake ingest` does: all or nothing,
// bad rows quarantined, then the rollups of the months it touched refreshed.
func (s *Server) upload(c echo.Context) error {
	v := uploadView{CSRF: s.csrfToken(currentSession(c)), KeySet: s.opts.PseudonymKey != ""}
	fail := func(status int, msg string) error {
		v.Error = msg
		return s.render(c, status, "upload", "Upload", v)
	}
	fh, err := c.FormFile("file") // limitUpload has already refused a file over the limit
	if err != nil {
		return fail(http.StatusBadRequest, "Choose an export file (CSV, JSON Lines or a help-desk export, optionally gzip-compressed) to upload.")
	}
	dir, err := os.MkdirTemp("", "uptake-upload-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, filepath.Base(fh.Filename))
	if err := saveUpload(fh, path); err != nil {
		return err
	}
	opt := ingest.Options{Entity: c.FormValue("entity"), Account: strings.TrimSpace(c.FormValue("account")), FileName: filepath.Base(fh.Filename),
		Privacy: ingest.Privacy{PseudonymKey: s.opts.PseudonymKey}}
	started := time.Now()
	res, err := s.loader.File(c.Request().Context(), path, opt)
	s.logger(c).Info("upload", "by", currentSession(c).Username, "file", fh.Filename, "bytes", fh.Size, "err", err)
	v.Result = res
	if err != nil {
		s.audit(c, "", "", store.AuditUpload, "failed", fmt.Sprintf("%s (%d bytes): %v", fh.Filename, fh.Size, err))
		return fail(http.StatusUnprocessableEntity, err.Error())
	}
	s.audit(c, "", "", store.AuditUpload, "ok", uploadDetail(fh.Filename, fh.Size, res))
	if res.Table != "" {
		s.metrics.ingested.WithLabelValues(res.Table).Add(float64(res.Loaded))
		s.metrics.held.Add(float64(res.Quarantined))
	}
	if res.Table != "" && res.AlreadyLoaded == "" {
		rep, err := s.svc.Refresh(c.Request().Context(), analytics.Changes{res.Table: res.Partitions})
		if err != nil {
			v.Refresh = "The rows are stored, but refreshing the reports failed: run `uptake refresh` on the server. (" + err.Error() + ")"
		} else {
			v.Refresh = fmt.Sprintf("Reports updated in %s (load and refresh %s).", rep.Duration.Round(time.Millisecond), time.Since(started).Round(time.Millisecond))
		}
		if res.Table == "tickets" {
			if run, ran, err := s.svc.UpdateThemes(c.Request().Context()); err != nil {
				v.Refresh += " Assigning the new tickets to the how-to themes failed: run `uptake themes` on the server. (" + err.Error() + ")"
			} else if ran {
				v.Refresh += fmt.Sprintf(" %d of %d how-to tickets are in the %d stored themes.", run.Themed, run.Tickets, run.Themes)
			}
		}
	}
	return s.render(c, http.StatusOK, "upload", "Upload", v)
}

func saveUpload(fh *multipart.FileHeader, path string) error {
	src, err := fh.Open()
	if err != nil {
		return fmt.Errorf("reading the upload: %w", err)
	}
	defer src.Close()
	dst, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return fmt.Errorf("saving the upload: %w", err)
	}
	return dst.Close()
}

func uploadDetail(name string, size int64, res *ingest.Result) string {
	if res.AlreadyLoaded != "" {
		return fmt.Sprintf("%s (%d bytes): already loaded", name, size)
	}
	return fmt.Sprintf("%s (%d bytes) into %s: %d rows loaded, %d quarantined", name, size, res.Table, res.Loaded, res.Quarantined)
}

// sizeText writes a byte count for people: 2 GB, 300 MB, 512 KB.
func sizeText(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", max(1, n>>10))
}

// limitUpload refuses an upload over Options.MaxUploadBytes before anything
// reads the form (the CSRF check would otherwise parse all of it).
func (s *Server) limitUpload(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		tooBig := echo.NewHTTPError(http.StatusRequestEntityTooLarge,
			fmt.Sprintf("The file is larger than %s: load it with `uptake ingest` on the server instead.", sizeText(s.opts.MaxUploadBytes)))
		if r.ContentLength > s.opts.MaxUploadBytes {
			return tooBig
		}
		r.Body = http.MaxBytesReader(c.Response(), r.Body, s.opts.MaxUploadBytes)
		var over *http.MaxBytesError
		if err := r.ParseMultipartForm(32 << 20); errors.As(err, &over) {
			return tooBig
		}
		return next(c)
	}
}
