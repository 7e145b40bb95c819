// ListApplications.java: com.auth0:auth0 (v2), Java 8 or later.
import com.auth0.client.mgmt.ManagementAPI;
import com.auth0.client.mgmt.ManagedTokenProvider;
import com.auth0.client.mgmt.filter.ClientFilter;
import com.auth0.json.mgmt.client.Client;
import com.auth0.json.mgmt.client.ClientsPage;

public class ListApplications {
    // One ManagementAPI for the whole process: the ManagedTokenProvider fetches, keeps and renews
    // the token, so share this instance instead of building one per request.
    private static final ManagementAPI MANAGEMENT = ManagementAPI.newBuilder(
            System.getenv("AUTH0_DOMAIN"),
            ManagedTokenProvider.newBuilder(
                    System.getenv("AUTH0_DOMAIN"),
                    System.getenv("AUTH0_CLIENT_ID"),
                    System.getenv("AUTH0_CLIENT_SECRET")).build())
            .build();

    public static void main(String[] args) throws Exception {
        for (int page = 0; ; page++) { // every page, not just the first 50 applications
            ClientsPage clients = MANAGEMENT.clients()
                    .list(new ClientFilter().withIsGlobal(false).withPage(page, 50))
                    .execute().getBody();
            for (Client app : clients.getItems()) {
                System.out.println(app.getName() + " " + app.getClientId());
            }
            if (clients.getItems().size() < 50) break;
        }
    }
}
