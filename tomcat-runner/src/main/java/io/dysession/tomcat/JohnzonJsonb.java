package io.dysession.tomcat;

import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.ext.JAXRSServerFactoryCustomizationExtension;
import org.apache.johnzon.jaxrs.jsonb.jaxrs.JsonbJaxrsProvider;

/** JSON-B through Johnzon for every CXF endpoint, TomEE's JSON provider. */
public final class JohnzonJsonb implements JAXRSServerFactoryCustomizationExtension {

    @Override
    public void customize(JAXRSServerFactoryBean bean) {
        bean.setProvider(new JsonbJaxrsProvider<>());
    }
}
