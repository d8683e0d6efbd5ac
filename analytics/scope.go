package analytics

// Scope limits an answer to the accounts a person may see: an account
// manager's own accounts (Manager: their accounts' account_manager value),
// or one account. The zero Scope is every account. Functions that take a
// Scope apply it in their SQL, so nothing outside it leaves the store.
type Scope struct {
	Manager   string
	AccountID string
}
