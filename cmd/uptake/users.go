package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/uptake/uptake/dashboard"
)

var usersCommand = command{
	name:    "users",
	summary: "add or list the people who may sign in to the dashboard",
	help: `Manages the dashboard's local users. Passwords are stored as bcrypt hashes.

  uptake users add NAME --role ROLE [--manager NAME] [--display-name TEXT] [--password-stdin]
  uptake users list

Roles: admin (data status, uploads, users and every page), executive (KPIs
and trends), trainer (themes and course plan), manager (an account manager:
only the accounts whose account_manager is --manager). Without
--password-stdin a random password is generated and printed once. Adding an
existing name replaces that user (a new password, role or scope).

Examples:
  uptake users add alice --role admin
  echo 'correct horse battery staple' | uptake users add bob --role manager --manager "Bob Martin" --password-stdin`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		role := fs.String("role", "", "admin, executive, trainer or manager")
		manager := fs.String("manager", "", "for --role manager: the account_manager value of their accounts")
		display := fs.String("display-name", "", "the name shown in the dashboard (default: NAME)")
		fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
		disabled := fs.Bool("disabled", false, "keep the user but refuse their sign-in")
		return func(ctx context.Context, env *runEnv, args []string) error {
			if len(args) == 0 || (args[0] != "add" && args[0] != "list") {
				return errors.New("say what to do: `uptake users add NAME --role ROLE` or `uptake users list`")
			}
			st, err := env.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			users, err := dashboard.NewUsers(st)
			if err != nil {
				return err
			}
			if args[0] == "list" {
				return listUsers(ctx, env.stdout, users)
			}
			if len(args) != 2 {
				return errors.New("name one user: `uptake users add NAME --role ROLE`")
			}
			password, generated, err := newPassword(*fromStdin, os.Stdin)
			if err != nil {
				return err
			}
			u := dashboard.User{Username: args[1], DisplayName: *display, Role: *role, Manager: *manager, Disabled: *disabled}
			if err := users.Add(ctx, u, password); err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "User %s saved with role %s.\n", u.Username, u.Role)
			if generated {
				fmt.Fprintf(env.stdout, "Password (shown once, give it to %s): %s\n", u.Username, password)
			}
			return nil
		}
	},
}

func newPassword(fromStdin bool, stdin io.Reader) (string, bool, error) {
	if fromStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", false, fmt.Errorf("reading the password from standard input: %w", err)
		}
		return strings.TrimRight(line, "\r\n"), false, nil
	}
	buf := make([]byte, 15)
	if _, err := rand.Read(buf); err != nil {
		return "", false, err
	}
	return base64.RawURLEncoding.EncodeToString(buf), true, nil
}

func listUsers(ctx context.Context, w io.Writer, users *dashboard.Users) error {
	list, err := users.List(ctx)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(w, "No users yet: add one with `uptake users add NAME --role admin`.")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tROLE\tACCOUNTS OF\tSTATUS\tCHANGED")
	for _, u := range list {
		status := "active"
		if u.Disabled {
			status = "disabled"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Username, u.Role, u.Manager, status, u.UpdatedAt.Format("2006-01-02 15:04"))
	}
	return tw.Flush()
}
