package dev.segments.workflow;

import dev.segments.definition.Location;
import dev.segments.validation.Issue;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks that a workflow file is well-formed XML before jBPM reads it: jBPM reports a parse error without its
 * position (and prints the stack trace on standard error); this reports it at its line and column.
 */
public final class WellFormedXml {

    private WellFormedXml() {
    }

    public static Optional<Issue> problem(WorkflowFile file) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new InputSource(new StringReader(file.content())), new DefaultHandler());
            return Optional.empty();
        } catch (SAXParseException e) {
            return Optional.of(new Issue(new Location(file.path(), Math.max(e.getLineNumber(), 0),
                    Math.max(e.getColumnNumber(), 0)), "not well-formed XML: " + e.getMessage()));
        } catch (SAXException | IOException e) {
            return Optional.of(new Issue(Location.unknown(file.path()), "not well-formed XML: " + e.getMessage()));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
        }
    }
}
