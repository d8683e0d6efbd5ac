// Package themes finds the recurring "how do I…?" questions in help-desk
// tickets, across customers and weeks, so trainers can plan courses. It is
// pure Go and needs no network or model download.
//
// The pipeline, for English, French and German text:
//
//  1. Cleaning (Clean): reply and priority prefixes, greetings, sign-offs
//     and the signature after them, quoted replies, mobile and contact
//     footers, call-note leads, e-mail addresses, URLs and numbers go.
//  2. Tokenising per sentence, with the language detected from stop words
//     (the help desk's language value is only a hint): letters folded to
//     lowercase without accents, apostrophes and hyphens split words.
//  3. Stop words per language, including support boilerplate.
//  4. Light stemming per language and German compound splitting.
//  5. A concept glossary of general Microsoft 365 support vocabulary maps
//     the words of all three languages to shared tokens (partager, teilen,
//     share → SHARE); product names are shared as they are.
//  6. Features: unigrams and adjacent pairs, subject counted double,
//     TF-IDF with sublinear tf, L2-normalised; features in under 0.05 % or
//     over 30 % of tickets are dropped, and context (product names,
//     generic objects such as files or e-mails) weighs half.
//  7. Clustering on a sample of up to 60,000 tickets chosen by id hash:
//     spherical k-means (k-means++ with a fixed seed) over-clusters (up to
//     400 tickets, every ticket starts alone), then clusters whose
//     centroids point the same way are merged (or merged down to
//     Options.TargetThemes), refined, and small ones dropped. Every
//     ticket then joins its nearest theme if the cosine similarity is at
//     least Model.MinScore, else it stays unthemed.
//  8. Labels are short phrases from the tickets' own subjects (English
//     preferred when enough of the theme is English); Terms spell the
//     strongest features in words.
//  9. Statistics: tickets, accounts, ISO weeks (Monday start, UTC), first
//     and last seen, majority workload (help-desk values, else the products
//     the text names), languages, and a trend comparing the last 8 weeks
//     with the 8 before (see classifyTrend).
//
// Defaults: a theme needs MinThemeSize = 20 tickets (for inputs under 800
// tickets, 1/40 of them, at least 3, so small sets still show themes); it
// is Recurring when
// it spans MinAccounts = 3 accounts and MinWeeks = 4 distinct weeks;
// Examples = 3 example tickets, nearest the centroid with distinct
// subjects; Now defaults to the newest ticket; Workers to GOMAXPROCS.
//
// Results are deterministic: the same tickets, in any order and with any
// number of workers, give the same model, ids and assignments.
//
// A Model is plain data for encoding/json (stored as a string); Load
// restores one. Assign puts new tickets into a model's themes, Summarise
// recomputes the statistics, and Discover with the previous model keeps
// the ids of continuing themes and marks newly emerged ones New. Theme ids
// are "T" and six hex digits of a hash of the theme's strongest features.
package themes
