package io.dysession;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

/**
 * Keeps the login of a Jakarta Security {@code HttpAuthenticationMechanism} with the DynamoDB
 * session, so that it follows the session to any server: the counterpart of {@code @AutoApplySession},
 * which keeps it in the server's own {@code HttpSession}.
 *
 * <ul>
 *   <li>When the mechanism authenticates a caller ({@code validateRequest} returns SUCCESS with a caller
 *       principal), the caller's name and groups are stored with the session, in the same DynamoDB write
 *       as the request's other session changes, and the session id is rotated (session fixation).</li>
 *   <li>On every later request, on any server, a session holding a login re-establishes it before the
 *       mechanism runs ({@code HttpMessageContext.notifyContainerAboutLogin}): {@code getUserPrincipal()},
 *       {@code isUserInRole}, {@code SecurityContext} and {@code @RolesAllowed} work as after a fresh login.</li>
 *   <li>{@code HttpServletRequest.logout()} and {@link DySession#invalidate()} end the login.</li>
 * </ul>
 *
 * <pre>
 * &#64;ApplicationScoped
 * &#64;DySessionLogin
 * public class TokenMechanism implements HttpAuthenticationMechanism {
 *     &#64;Inject IdentityStoreHandler identities;
 *
 *     &#64;Override
 *     public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
 *                                                 HttpMessageContext context) {
 *         String user = request.getParameter("user");
 *         if (user == null) {
 *             return context.doNothing();
 *         }
 *         return context.notifyContainerAboutLogin(
 *                 identities.validate(new UsernamePasswordCredential(user, request.getParameter("password"))));
 *     }
 * }
 * </pre>
 *
 * Groups are those at login time: log in again, or {@link DySessionRegistry#invalidateAll}, after a
 * role change.
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DySessionLogin {

    /** The annotation as a value, for extensions that add it to a type. */
    final class Literal extends AnnotationLiteral<DySessionLogin> implements DySessionLogin {

        private static final long serialVersionUID = 1L;

        public static final Literal INSTANCE = new Literal();

        private Literal() {
        }
    }
}
