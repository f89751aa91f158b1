package io.dysession.it.login.token;

import java.io.IOException;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.dysession.DySessionStatistics;

/** {@code GET /calls}: this server's DynamoDB calls so far by operation, such as {@code {GetItem=3, PutItem=1}}. */
@WebServlet("/calls")
public class CallsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DySessionStatistics statistics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LoginResponses.write(response, new TreeMap<>(statistics.dynamoDbCalls()).toString());
    }
}
