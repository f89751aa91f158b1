package io.dysession.tomcat;

import java.io.IOException;
import java.util.Enumeration;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.apache.cxf.cdi.CXFCdiServlet;

/**
 * CXF's CDI servlet behind a filter mapped to the applications' paths, as TomEE does: CXF matches the
 * whole path within the web application against each application's address (its
 * {@code @ApplicationPath}), so it sees the request as if mapped to {@code /*}, while the other paths
 * stay with the application's servlets and Tomcat's default servlet.
 */
public final class JaxrsFilter implements Filter {

    private final CXFCdiServlet cxf = new CXFCdiServlet();

    @Override
    public void init(FilterConfig config) throws ServletException {
        cxf.init(new ServletConfig() {
            @Override
            public String getServletName() {
                return config.getFilterName();
            }

            @Override
            public ServletContext getServletContext() {
                return config.getServletContext();
            }

            @Override
            public String getInitParameter(String name) {
                return config.getInitParameter(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return config.getInitParameterNames();
            }
        });
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request)) {
            chain.doFilter(req, res);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        cxf.service(new HttpServletRequestWrapper(request) {
            @Override
            public String getServletPath() {
                return "";
            }

            @Override
            public String getPathInfo() {
                return path;
            }
        }, res);
    }

    @Override
    public void destroy() {
        cxf.destroy();
    }
}
