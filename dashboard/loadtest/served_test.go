package loadtest

// After the load: the answers people were served equal a fresh computation.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/dashboard"
)

// checkServed compares what the dashboard serves once the run and the
// ingest are over (and its cache has seen the last data version) with
// what the analytics compute now: the portfolio of each role and scope,
// and every account as an admin sees it. An answer the
// cache kept from the middle of a refresh shows up here.
func checkServed(base string, svc *analytics.Service, users []*vuser) []string {
	ctx := context.Background()
	time.Sleep(3 * time.Second) // the dashboard checks the data version every 2 s
	var problems []string
	seen := map[string]bool{}
	for _, u := range users {
		scope := u.role + " " + u.manager
		if u.role == dashboard.RoleTrainer || seen[scope] {
			continue
		}
		seen[scope] = true
		hc, err := signedIn(base, u.name)
		if err != nil {
			problems = append(problems, fmt.Sprintf("signing in %s after the run: %v", u.name, err))
			continue
		}
		fresh, err := svc.Portfolio(ctx, analytics.Scope{Manager: u.manager})
		if err != nil {
			problems = append(problems, fmt.Sprintf("fresh portfolio of %s: %v", u.name, err))
			continue
		}
		var served struct{ Rows []json.RawMessage }
		if err := getJSON(hc, base+"/api/v1/portfolio", &served); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", u.name, err))
			continue
		}
		want := map[string]map[string]any{}
		for _, r := range fresh {
			want[r.AccountID] = roundTrip(r)
		}
		var differ []string
		for _, raw := range served.Rows {
			var got map[string]any
			_ = json.Unmarshal(raw, &got)
			id, _ := got["AccountID"].(string)
			if d := diffFields(got, want[id]); d != "" {
				differ = append(differ, id+" ("+d+")")
			}
			delete(want, id)
		}
		for id := range want {
			differ = append(differ, id+" (missing)")
		}
		if len(differ) > 0 {
			sort.Strings(differ)
			problems = append(problems, fmt.Sprintf("GET /api/v1/portfolio as %s (%s): %d of %d accounts differ: %s", u.name, u.role, len(differ), len(fresh), clip(differ, 6)))
		}
		if u.role != dashboard.RoleAdmin { // the account pages of one role: a fresh computation each is slow
			continue
		}
		differ = differ[:0]
		for _, r := range fresh {
			var served struct{ Account map[string]any }
			if err := getJSON(hc, base+"/api/v1/accounts/"+url.PathEscape(r.AccountID), &served); err != nil {
				problems = append(problems, fmt.Sprintf("%s: %v", u.name, err))
				break
			}
			v, err := svc.Account(ctx, analytics.Scope{}, r.AccountID)
			if err != nil {
				problems = append(problems, fmt.Sprintf("fresh account %s: %v", r.AccountID, err))
				break
			}
			if d := diffFields(served.Account, roundTrip(v)); d != "" {
				differ = append(differ, r.AccountID+" ("+d+")")
			}
		}
		if len(differ) > 0 {
			problems = append(problems, fmt.Sprintf("GET /api/v1/accounts/:id as %s (%s): %d of %d accounts differ: %s", u.name, u.role, len(differ), len(fresh), clip(differ, 6)))
		}
	}
	return problems
}

// signedIn is a new browser session of user.
func signedIn(base, user string) (*http.Client, error) {
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, Timeout: clientTimeout, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.PostForm(base+"/login", url.Values{"username": {user}, "password": {password}})
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		return nil, fmt.Errorf("sign-in answered %s", resp.Status)
	}
	return hc, nil
}

func getJSON(hc *http.Client, url string, v any) error {
	resp, err := hc.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s %s", url, resp.Status, excerpt(body))
	}
	return json.Unmarshal(body, v)
}

// roundTrip is v as it reads back from JSON.
func roundTrip(v any) map[string]any {
	raw, _ := json.Marshal(v)
	var out map[string]any
	_ = json.Unmarshal(raw, &out)
	return out
}

// diffFields names the top-level fields in which a and b differ.
func diffFields(a, b map[string]any) string {
	if b == nil {
		return "not expected"
	}
	var keys []string
	for k := range a {
		if !reflect.DeepEqual(a[k], b[k]) {
			keys = append(keys, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

func clip(list []string, n int) string {
	if len(list) <= n {
		return strings.Join(list, "; ")
	}
	return strings.Join(list[:n], "; ") + fmt.Sprintf("; … and %d more", len(list)-n)
}

// ---- users ----
