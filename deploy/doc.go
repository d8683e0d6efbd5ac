// Package deploy holds the tests of the deployment files at the top of the
// repository: Dockerfile, .dockerignore, docker-compose.yml and .env.example.
// They parse the files and check how they fit together and with the Makefile
// and the binary's flags; none needs a Docker engine. See "Run with Docker"
// in README.md.
package deploy
