package io.dysession.it.app;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.dysession.internal.config.Settings;
import io.dysession.internal.config.SettingsReader;
import io.dysession.internal.dynamodb.DynamoDbClients;
import io.dysession.internal.store.TableLayout;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The benchmark's floor: {@code GET /floor/read?k=N} makes the {@code GetItem} a session read makes,
 * and {@code GET /floor/write?k=N} the {@code GetItem} and the conditional {@code UpdateItem} of a
 * session write, directly on a DynamoDB client that dysession's own code builds from the same
 * configuration, on an item shaped like a session's (a {@code beans} map holding the counter's JSON,
 * a {@code ver}). No session, no CDI bean, no JSON-B: what a request costs on this server and this
 * SDK before dysession adds anything. Each benchmark client has its own item ({@code k}).
 */
@WebServlet("/floor/*")
public class FloorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BEAN = Counter.class.getName();

    private transient DynamoDbClient client;
    private transient TableLayout layout;
    private transient boolean consistentRead;

    @Override
    public void init() {
        Settings settings = SettingsReader.read(ConfigProvider.getConfig()).settings();
        client = DynamoDbClients.build(settings.client());
        layout = TableLayout.of(settings.table());
        consistentRead = settings.client().consistentRead();
    }

    @Override
    public void destroy() {
        client.close();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, AttributeValue> key = layout.key("floor-" + request.getParameter("k"));
        GetItemResponse read = client.getItem(GetItemRequest.builder().tableName(layout.table()).key(key)
                .consistentRead(consistentRead).build());
        if (!read.hasItem() || read.item().isEmpty()) {
            Map<String, AttributeValue> item = new HashMap<>(key);
            item.put("ver", AttributeValue.fromN("1"));
            item.put("beans", AttributeValue.fromM(Map.of(BEAN, AttributeValue.fromS("{\"count\":0}"))));
            client.putItem(PutItemRequest.builder().tableName(layout.table()).item(item).build());
            TextResponses.write(response, "0");
            return;
        }
        String json = read.item().get("beans").m().get(BEAN).s();
        int count = Integer.parseInt(json.substring(json.indexOf(':') + 1, json.indexOf('}')));
        if ("/write".equals(request.getPathInfo())) {
            count++;
            String version = read.item().get("ver").n();
            try {
                client.updateItem(UpdateItemRequest.builder().tableName(layout.table()).key(key)
                        .updateExpression("SET #beans.#b0 = :b0, #ver = #ver + :one")
                        .conditionExpression("#ver = :read")
                        .expressionAttributeNames(Map.of("#beans", "beans", "#b0", BEAN, "#ver", "ver"))
                        .expressionAttributeValues(Map.of(":b0", AttributeValue.fromS("{\"count\":" + count + "}"),
                                ":one", AttributeValue.fromN("1"), ":read", AttributeValue.fromN(version)))
                        .build());
            } catch (ConditionalCheckFailedException e) {
                response.sendError(HttpServletResponse.SC_CONFLICT);
                return;
            }
        }
        TextResponses.write(response, Integer.toString(count));
    }
}
