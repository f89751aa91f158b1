package io.dysession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.spi.BeanManager;

import org.junit.jupiter.api.Test;

import io.dysession.DySessionInfo;
import io.dysession.DySessionRegistry;
import io.dysession.beans.Cart;
import io.dysession.internal.DySessionExtension;
import io.dysession.internal.login.SessionRegistry;
import io.dysession.test.Containers;
import io.dysession.test.DeploymentFailure;
import io.dysession.test.DynamoDbEmulator;
import io.dysession.test.FaultProxy;
import io.dysession.test.Requests;
import io.dysession.test.TestConfig;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The caller index: created, added to an existing table, its absence explained; and the cap it serves. */
class CallerIndexTest {

    @Test
    void autoCreateMakesASparseIndexOfTheCallerDigestProjectingWhatTheRegistryShows() {
        String table = "caller-index-created";
        TestConfig.use(table);
        try (SeContainer container = Containers.start(Cart.class)) {
            GlobalSecondaryIndexDescription index = index(table);
            assertEquals("caller-index", index.indexName());
            assertEquals(List.of(KeySchemaElement.builder().attributeName("caller").keyType(KeyType.HASH).build()),
                    index.keySchema());
            assertEquals(ProjectionType.INCLUDE, index.projection().projectionType());
            assertEquals(List.of("created", "accessed", "ttl", "login"), index.projection().nonKeyAttributes());
        }
    }

    @Test
    void autoCreateAddsTheIndexToAnExistingTableWithoutIt() {
        String table = "caller-index-added";
        createWithoutIndex(table);
        TestConfig.use(table);
        try (SeContainer container = Containers.start(Cart.class)) {
            assertEquals("caller-index", index(table).indexName());
            assertEquals(List.of("PK", "caller"), DynamoDbEmulator.client().describeTable(b -> b.tableName(table))
                    .table().attributeDefinitions().stream().map(AttributeDefinition::attributeName).sorted().toList(),
                    "the table's own key definition is kept (moto replaces it with UpdateTable's list)");
        }
    }

    @Test
    void withoutTheIndexTheRegistrySaysWhichTableAndIndexAndHowToAddIt() {
        String table = "caller-index-missing";
        createWithoutIndex(table);
        TestConfig.use(table, Map.of("dysession.table.auto-create", "false"));
        try (SeContainer container = Containers.start(Cart.class)) {
            DySessionRegistry registry = container.select(DySessionRegistry.class).get();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry.sessionsOf("olga"));
            assertEquals("DynamoDB table 'caller-index-missing' has no global secondary index 'caller-index', which "
                    + "DySessionRegistry and dysession.login.max-sessions need to find a caller's sessions. Add it "
                    + "with the command-line tool's init (java -jar dysession-<version>-cli.jar init --table-name "
                    + "caller-index-missing; it adds the index to an existing table), with "
                    + "dysession.table.auto-create=true, or in CloudFormation/Terraform as docs/production.md shows "
                    + "(partition key 'caller' (S), projection INCLUDE [created, accessed, ttl, login]); or set "
                    + "dysession.table.caller-index to the index's name.", e.getMessage());
            assertThrows(IllegalStateException.class, () -> registry.invalidateAll("olga"));
        }
    }

    // Through a proxy that counts connections: the refused deployment closes the client it built.
    @Test
    void aCapWithoutTheIndexFailsTheDeploymentAndLeavesNoConnectionOpen() throws InterruptedException {
        String table = "caller-index-missing-cap";
        createWithoutIndex(table);
        try (FaultProxy proxy = FaultProxy.start(DynamoDbEmulator.endpoint())) {
            TestConfig.use(table, Map.of("dysession.table.auto-create", "false", "dysession.login.max-sessions", "2",
                    "dysession.dynamodb.endpoint", proxy.endpoint()));
            String message = DeploymentFailure.of(Cart.class).message();
            assertTrue(message.contains("DynamoDB table 'caller-index-missing-cap' has no global secondary "
                    + "index 'caller-index'"), message);
            assertTrue(message.contains("(dysession.login.max-sessions is set)"), message);
            assertTrue(proxy.calls() > 0, "the index was looked for through the proxy");
            for (int i = 0; i < 100 && proxy.connectionsOpen() > 0; i++) {
                Thread.sleep(50);
            }
            assertEquals(0, proxy.connectionsOpen(), "the client's pooled connections were closed");
        } finally {
            TestConfig.use(getClass().getSimpleName());
        }
    }

    @Test
    void aCapEndsTheLeastRecentlyUsedSessionOfTheCaller() {
        TestConfig.use("caller-index-cap", Map.of("dysession.login.max-sessions", "2"));
        try (SeContainer container = Containers.start(Cart.class)) {
            Cap cap = new Cap(container);
            String first = cap.logIn("peggy", "first");
            String second = cap.logIn("peggy", "second");
            assertEquals(List.of("first", "second"), cap.clients("peggy"));
            cap.logIn("peggy", "third");
            assertEquals(List.of("second", "third"), cap.clients("peggy"), "the oldest ended");
            assertTrue(cap.items(first).isEmpty());
            assertFalse(cap.items(second).isEmpty());
            cap.logIn("quentin", "other caller");
            assertEquals(2, cap.clients("peggy").size(), "each caller has their own cap");
        }
    }

    @Test
    void aCapWithRefuseRefusesTheLoginBeyondIt() {
        TestConfig.use("caller-index-refuse", Map.of("dysession.login.max-sessions", "2",
                "dysession.login.on-max-sessions", "refuse"));
        try (SeContainer container = Containers.start(Cart.class)) {
            Cap cap = new Cap(container);
            cap.logIn("rupert", "first");
            String second = cap.logIn("rupert", "second");
            assertEquals(null, cap.logIn("rupert", "third"), "refused: no session, no cookie");
            assertEquals(List.of("first", "second"), cap.clients("rupert"));
            assertFalse(cap.items(second).isEmpty());
        }
    }

    /** Logins as the interceptor makes them: the cap first, then the login. */
    private static final class Cap {

        private final Requests requests;
        private final Logins logins;
        private final DySessionRegistry registry;
        private final SessionRegistry cap;
        private final String table;

        Cap(SeContainer container) {
            BeanManager beanManager = container.getBeanManager();
            requests = new Requests(beanManager);
            logins = new Logins(beanManager);
            registry = container.select(DySessionRegistry.class).get();
            cap = beanManager.getExtension(DySessionExtension.class).runtime().registry();
            table = beanManager.getExtension(DySessionExtension.class).runtime().settings().table().name();
        }

        String logIn(String caller, String client) {
            return requests.send(null, () -> {
                if (cap.admit(caller, null)) {
                    logins.logIn(caller, client, "user");
                }
            }).setCookie();
        }

        List<String> clients(String caller) {
            return registry.sessionsOf(caller).stream().map(DySessionInfo::client).toList();
        }

        Map<String, ?> items(String id) {
            return new io.dysession.test.Items(table).of(id);
        }
    }

    private static GlobalSecondaryIndexDescription index(String table) {
        List<GlobalSecondaryIndexDescription> indexes = DynamoDbEmulator.client()
                .describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes();
        assertEquals(1, indexes.size(), indexes::toString);
        return indexes.get(0);
    }

    private static void createWithoutIndex(String table) {
        if (DynamoDbEmulator.client().listTables().tableNames().contains(table)) {
            return;
        }
        DynamoDbEmulator.client().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("PK")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build()));
    }
}
