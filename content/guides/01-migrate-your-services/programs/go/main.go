// Lists every application of an Auth0 tenant, one "<client_id>\t<name>" line each, with the
// official Go SDK. It reads AUTH0_DOMAIN, AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET and nothing else.
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	management "github.com/auth0/go-auth0/v3/management"
	managementclient "github.com/auth0/go-auth0/v3/management/client"
	"github.com/auth0/go-auth0/v3/management/option"
)

func mustEnv(name string) string {
	value := os.Getenv(name)
	if value == "" {
		log.Fatalf("Set %s in the environment (from your secret store).", name)
	}
	return value
}

func main() {
	ctx := context.Background()

	// One client for the whole process. WithClientCredentials asks /oauth/token for a token on the
	// first call and asks again only when that token is about to expire; a client made per request
	// would start with no token and ask every time.
	api, err := managementclient.New(
		mustEnv("AUTH0_DOMAIN"),
		option.WithClientCredentials(ctx, mustEnv("AUTH0_CLIENT_ID"), mustEnv("AUTH0_CLIENT_SECRET")),
	)
	if err != nil {
		log.Fatalf("could not set up the Management API client: %v", err)
	}

	// The iterator fetches the next page when the current one runs out, so a tenant with more
	// applications than one page holds is listed whole.
	page, err := api.Clients.List(ctx, &management.ListClientsRequestParameters{
		IsGlobal:      management.Bool(false),
		Fields:        management.String("client_id,name"),
		IncludeFields: management.Bool(true),
		PerPage:       management.Int(50),
	})
	if err != nil {
		log.Fatalf("GET /api/v2/clients failed: %v", err)
	}
	applications := page.Iterator()
	for applications.Next(ctx) {
		app := applications.Current()
		fmt.Printf("%s\t%s\n", app.GetClientID(), app.GetName())
	}
	if err := applications.Err(); err != nil {
		log.Fatalf("GET /api/v2/clients failed part-way: %v", err)
	}
}
