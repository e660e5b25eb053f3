// The generated project built a bundle that Plumly can deploy: the connector's DS component, imports of
// the Plumly SPI with version ranges and nothing else, the SPI not embedded, the test kit passed.
import java.util.jar.JarFile

def project = new File(basedir, 'acme-crm-connector')
def bundle = new File(project, 'target/acme-crm-connector-1.0-SNAPSHOT.jar')
assert bundle.isFile() : "no bundle at $bundle"

def jar = new JarFile(bundle)
def manifest = jar.manifest.mainAttributes
assert manifest.getValue('Bundle-SymbolicName') == 'com.example.acmecrm'
assert manifest.getValue('Service-Component') == 'OSGI-INF/com.example.acmecrm.AcmeCrmConnector.xml'
def component = jar.getInputStream(jar.getEntry('OSGI-INF/com.example.acmecrm.AcmeCrmConnector.xml')).text
assert component.contains('interface="org.plumly.api.connector.Connector"')

def imports = manifest.getValue('Import-Package').split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)*.trim()
imports.each { clause ->
    def name = clause.split(';')[0]
    if (name.startsWith('org.plumly.api')) {
        assert clause =~ /version="\[[0-9.]+,[0-9.]+\)"/ : "import without a version range: $clause"
    } else {
        assert name.startsWith('javax.') : "import of a package that is neither the Plumly SPI nor the JDK's: $clause"
    }
}
assert imports.any { it.startsWith('org.plumly.api.connector;') }
assert !jar.entries().toList().any { it.name.startsWith('org/plumly/') } : 'the bundle embeds Plumly classes'
assert manifest.getValue('Export-Package') == null : 'a connector exports nothing'

def report = new File(project, 'target/surefire-reports/TEST-com.example.acmecrm.AcmeCrmConnectorTest.xml')
assert report.isFile() : 'the test kit did not run'
def suite = (report.text =~ /<testsuite [^>]*/)[0]
def count = { name -> (suite =~ /\b${name}="(\d+)"/)[0][1].toInteger() }
assert count('tests') >= 13 && count('failures') == 0 && count('errors') == 0 && count('skipped') == 0 : suite

// The README shows the command this test ran: the same parameters, the plugin version aside.
def shownCommand = new File(readme).text.replaceAll(/\\\r?\n\s*/, ' ') =~ /mvn archetype:generate [^\n]*/
assert shownCommand.find() : "no archetype command in $readme"
def parameters = { String command -> command.tokenize().findAll { it.startsWith('-D') }.collect { it.replace('${project.version}', projectVersion) } as Set }
def ranCommand = new File(basedir, 'invoker.properties').readLines().find { it.startsWith('invoker.goals.1') }
assert parameters(shownCommand.group()) == parameters(ranCommand) : "the README's archetype command differs from the one in ${basedir}/invoker.properties"
println "bundle: $bundle"
true
