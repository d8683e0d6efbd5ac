// Package dashboard is the echo web app: server-rendered pages over the
// analytics API. Handlers are thin: parse the request, call one analytics
// function, render a template.
package dashboard
