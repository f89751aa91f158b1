package io.dysession.it.login.form;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Two users; the password of each is {@code pw-<name>}. */
@ApplicationScoped
public class Users implements IdentityStore {

    private static final Map<String, Set<String>> GROUPS = Map.of("alice", Set.of("user", "admin"),
            "bob", Set.of("user"));

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Set<String> groups = GROUPS.get(credential.getCaller());
        if (groups == null || !credential.compareTo(credential.getCaller(), "pw-" + credential.getCaller())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(credential.getCaller(), groups);
    }
}
