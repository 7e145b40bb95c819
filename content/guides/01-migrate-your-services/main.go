// main.go: go get github.com/auth0/go-auth0 (v1), then: go run .
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/auth0/go-auth0/management"
)

func main() {
	ctx := context.Background()
	// One *management.Management for the whole process: WithClientCredentials gets the token and
	// renews it when it expires, so share this value instead of making one per request.
	m, err := management.New(
		os.Getenv("AUTH0_DOMAIN"),
		management.WithClientCredentials(ctx, os.Getenv("AUTH0_CLIENT_ID"), os.Getenv("AUTH0_CLIENT_SECRET")),
	)
	if err != nil {
		log.Fatalf("management client: %v", err)
	}

	for page := 0; ; page++ { // every page, not just the first 50 applications
		list, err := m.Client.List(ctx, management.Parameter("is_global", "false"), management.Page(page))
		if err != nil {
			log.Fatalf("list applications: %v", err)
		}
		for _, app := range list.Clients {
			fmt.Println(app.GetName(), app.GetClientID())
		}
		if !list.HasNext() {
			break
		}
	}
}
