// Lists every application of an Auth0 tenant, one "<client_id>\t<name>" line each, with the
// official Java SDK. Reads AUTH0_DOMAIN, AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET and nothing else.
import com.auth0.client.mgmt.ManagementApi;
import com.auth0.client.mgmt.types.Client;
import com.auth0.client.mgmt.types.ListClientsRequestParameters;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public final class ListApplications {
    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            System.err.println("Set " + name + " in the environment (from your secret store).");
            System.exit(1);
        }
        return value;
    }

    public static void main(String[] args) {
        // One client for the whole process. Given a client ID and secret, the SDK asks
        // /oauth/token for a token on the first call, keeps it, and asks again only shortly
        // before it expires; a client made per request would start with no token every time.
        ManagementApi management = ManagementApi.builder()
                .domain(required("AUTH0_DOMAIN"))
                .clientCredentials(required("AUTH0_CLIENT_ID"), required("AUTH0_CLIENT_SECRET"))
                .build();

        ListClientsRequestParameters query = ListClientsRequestParameters.builder()
                .isGlobal(false)
                .fields("client_id,name")
                .includeFields(true)
                .perPage(50)
                .build();
        // UTF-8 whatever the locale: Java 17 writes System.out in the platform's charset, which turns
        // "Müller" into "M?ller" in a container with no LANG set.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // The iterable fetches the next page when this one runs out: every application is listed.
        for (Client app : management.clients().list(query)) {
            out.println(app.getClientId().orElse("") + "\t" + app.getName().orElse(""));
        }
    }
}
