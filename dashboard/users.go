package dashboard

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/uptake/uptake/store"
)

// Roles, each with its own pages.
const (
	RoleAdmin     = "admin"
	RoleExecutive = "executive"
	RoleTrainer   = "trainer"
	RoleManager   = "manager" // an account manager: sees only their accounts
)

// Roles lists the roles in the order the admin page shows them.
func Roles() []string { return []string{RoleAdmin, RoleExecutive, RoleTrainer, RoleManager} }

// User is one person who may sign in.
type User struct {
	Username    string    `ch:"username"`
	DisplayName string    `ch:"display_name"`
	Role        string    `ch:"role"`
	Manager     string    `ch:"manager"` // for RoleManager: the accounts' account_manager value
	Disabled    bool      `ch:"disabled"`
	UpdatedAt   time.Time `ch:"updated_at"`
}

// Users stores the dashboard's local users (table users).
type Users struct {
	st *store.Store
	q  dashboardQueries
}

// NewUsers loads the user queries.
func NewUsers(st *store.Store) (*Users, error) {
	q, err := loadQueries()
	if err != nil {
		return nil, err
	}
	return &Users{st: st, q: q}, nil
}

var usernamePattern = regexp.MustCompile(`^[A-Za-z0-9._@-]{2,64}$`)

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 12

// Add creates or replaces a user with a bcrypt hash of password.
func (u *Users) Add(ctx context.Context, user User, password string) error {
	if !usernamePattern.MatchString(user.Username) {
		return fmt.Errorf("user name %q: use 2–64 letters, digits, dots, @, _ or -", user.Username)
	}
	if !slices.Contains(Roles(), user.Role) {
		return fmt.Errorf("role %q: choose one of %s", user.Role, strings.Join(Roles(), ", "))
	}
	if user.Role == RoleManager && strings.TrimSpace(user.Manager) == "" {
		return errors.New("an account manager needs --manager NAME: the account_manager value of their accounts in the accounts data")
	}
	if len(password) < MinPasswordLength {
		return fmt.Errorf("the password must have at least %d characters", MinPasswordLength)
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return fmt.Errorf("hashing the password: %w", err)
	}
	if user.DisplayName == "" {
		user.DisplayName = user.Username
	}
	args := store.Args{"username": user.Username, "display_name": user.DisplayName, "role": user.Role, "manager": user.Manager,
		"password_hash": string(hash), "disabled": boolByte(user.Disabled), "updated_at": time.Now().UTC()}
	if err := u.st.Exec(ctx, u.q.SaveUser, args); err != nil {
		return fmt.Errorf("saving user %s: %w", user.Username, err)
	}
	return nil
}

// List returns every user, without password hashes.
func (u *Users) List(ctx context.Context) ([]User, error) {
	res, err := u.st.Query(ctx, u.q.UsersList, nil)
	if err != nil {
		return nil, fmt.Errorf("listing users: %w", err)
	}
	return store.Scan[User](res)
}

// ErrBadCredentials is the one answer to a wrong name or password, so the
// sign-in page does not tell which was wrong.
var ErrBadCredentials = errors.New("wrong user name or password")

// Check returns the user when the password is theirs and they are enabled.
func (u *Users) Check(ctx context.Context, username, password string) (User, error) {
	res, err := u.st.Query(ctx, u.q.UserByName, store.Args{"username": username})
	if err != nil {
		return User{}, fmt.Errorf("reading user %s: %w", username, err)
	}
	type row struct {
		Username    string `ch:"username"`
		DisplayName string `ch:"display_name"`
		Role        string `ch:"role"`
		Manager     string `ch:"manager"`
		Hash        string `ch:"password_hash"`
		Disabled    bool   `ch:"disabled"`
	}
	rows, err := store.Scan[row](res)
	if err != nil {
		return User{}, err
	}
	if len(rows) == 0 || rows[0].Disabled {
		// Spend the time a hash check takes, so timing does not reveal names.
		_ = bcrypt.CompareHashAndPassword([]byte("$2a$10$7EqJtq98hPqEX7fNZaFWoO5c5iY6Wd8Vn5oZ9Lk5p2mBv5f8uQ0xS"), []byte(password))
		return User{}, ErrBadCredentials
	}
	if bcrypt.CompareHashAndPassword([]byte(rows[0].Hash), []byte(password)) != nil {
		return User{}, ErrBadCredentials
	}
	r := rows[0]
	return User{Username: r.Username, DisplayName: r.DisplayName, Role: r.Role, Manager: r.Manager}, nil
}

func boolByte(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}
