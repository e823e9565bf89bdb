<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About crmdesk</source>
            <translation>Acerca de crmdesk</translation>
        </message>
        <message>
            <source>An offline-first client book for people who give personal assistance.</source>
            <translation>Un libro de clientes que funciona sin conexión, para quienes dan atención personal.</translation>
        </message>
        <message>
            <source>crmdesk version</source>
            <translation>Versión de crmdesk</translation>
        </message>
        <message>
            <source>Book: {path}</source>
            <translation>Libro: {path}</translation>
        </message>
        <message>
            <source>Book file</source>
            <translation>Archivo del libro</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>Componente</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Versión</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Licencia</translation>
        </message>
        <message>
            <source>Versions and licences</source>
            <translation>Versiones y licencias</translation>
        </message>
        <message>
            <source>Licence texts</source>
            <translation>Textos de las licencias</translation>
        </message>
        <message>
            <source>crmdesk (MIT)</source>
            <translation>crmdesk (MIT)</translation>
        </message>
        <message>
            <source>Lucide icons</source>
            <translation>Iconos Lucide</translation>
        </message>
        <message>
            <source>DejaVu fonts</source>
            <translation>Fuentes DejaVu</translation>
        </message>
        <message>
            <source>&amp;Versions</source>
            <translation>&amp;Versiones</translation>
        </message>
        <message>
            <source>&amp;Licences</source>
            <translation>&amp;Licencias</translation>
        </message>
    </context>
    <context>
        <name>AccountActions</name>
        <message>
            <source>{spec_tip} — not for your role ({role})</source>
            <extracomment>The window's actions that need a permission of the role (see services/access.py).</extracomment>
            <translation>{spec_tip} — no disponible para su rol ({role})</translation>
        </message>
        <message>
            <source>No system keyring on this computer: the passphrase is asked each time</source>
            <translation>Este ordenador no tiene llavero del sistema: la frase de paso se pide cada vez</translation>
        </message>
        <message>
            <source>Sign in as:</source>
            <translation>Iniciar sesión como:</translation>
        </message>
        <message>
            <source>Signed in as {name} ({value})</source>
            <translation>Sesión iniciada como {name} ({value})</translation>
        </message>
        <message>
            <source>Your PIN was changed</source>
            <translation>Se ha cambiado su PIN</translation>
        </message>
        <message>
            <source>Your password was changed</source>
            <translation>Se ha cambiado su contraseña</translation>
        </message>
        <message>
            <source>Password (to sign in)</source>
            <translation>Contraseña (para iniciar sesión)</translation>
        </message>
        <message>
            <source>PIN (to unlock the window)</source>
            <translation>PIN (para desbloquear la ventana)</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Cambiar</translation>
        </message>
        <message>
            <source>What do you want to change?</source>
            <translation>¿Qué quiere cambiar?</translation>
        </message>
        <message>
            <source>The passphrase is kept in the system keyring: this book opens without asking here</source>
            <translation>La frase de paso se guarda en el llavero del sistema: en este ordenador el libro se abre sin preguntar</translation>
        </message>
        <message>
            <source>The system keyring refused to keep the passphrase.</source>
            <translation>El llavero del sistema no ha aceptado guardar la frase de paso.</translation>
        </message>
        <message>
            <source>The passphrase is no longer remembered</source>
            <translation>La frase de paso ya no se recuerda</translation>
        </message>
        <message>
            <source>Lock after idle time</source>
            <translation>Bloquear tras inactividad</translation>
        </message>
        <message>
            <source>Lock the window after this many minutes without keyboard or mouse (0: never):</source>
            <translation>Bloquear la ventana tras estos minutos sin teclado ni ratón (0: nunca):</translation>
        </message>
        <message>
            <source>The window locks after {minutes} idle minutes</source>
            <translation>La ventana se bloquea tras {minutes} minutos de inactividad</translation>
        </message>
        <message>
            <source>The window no longer locks by itself</source>
            <translation>La ventana ya no se bloquea sola</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>&amp;New Book…</source>
            <translation>Nue&amp;vo libro…</translation>
        </message>
        <message>
            <source>Create a new, empty client book</source>
            <translation>Crear un libro de clientes nuevo y vacío</translation>
        </message>
        <message>
            <source>&amp;Open Book…</source>
            <translation>&amp;Abrir libro…</translation>
        </message>
        <message>
            <source>Open another client book</source>
            <translation>Abrir otro libro de clientes</translation>
        </message>
        <message>
            <source>Open &amp;Demo Book</source>
            <translation>Abrir libro de &amp;demostración</translation>
        </message>
        <message>
            <source>Open a book of sample clients to explore</source>
            <translation>Abrir un libro de clientes de ejemplo para explorar</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>Sa&amp;lir</translation>
        </message>
        <message>
            <source>Close crmdesk</source>
            <translation>Cerrar crmdesk</translation>
        </message>
        <message>
            <source>&amp;New Customer</source>
            <translation>&amp;Nuevo cliente</translation>
        </message>
        <message>
            <source>Add a new customer (Ctrl+N)</source>
            <translation>Añadir un cliente nuevo (Ctrl+N)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Guardar</translation>
        </message>
        <message>
            <source>Save the profile (Ctrl+S)</source>
            <translation>Guardar la ficha (Ctrl+S)</translation>
        </message>
        <message>
            <source>Re&amp;vert / Cancel</source>
            <translation>Re&amp;vertir / Cancelar</translation>
        </message>
        <message>
            <source>Discard unsaved changes to the profile (Esc)</source>
            <translation>Descartar los cambios no guardados de la ficha (Esc)</translation>
        </message>
        <message>
            <source>&amp;Archive</source>
            <translation>&amp;Archivar</translation>
        </message>
        <message>
            <source>Move the selected customers to the Trash (Del)</source>
            <translation>Mover los clientes seleccionados a la Papelera (Supr)</translation>
        </message>
        <message>
            <source>Res&amp;tore from Trash</source>
            <translation>&amp;Restaurar de la Papelera</translation>
        </message>
        <message>
            <source>Bring the selected customers back to the list</source>
            <translation>Devolver los clientes seleccionados a la lista</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Deshacer</translation>
        </message>
        <message>
            <source>Undo the last change (Ctrl+Z)</source>
            <translation>Deshacer el último cambio (Ctrl+Z)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>Re&amp;hacer</translation>
        </message>
        <message>
            <source>Redo the change you undid (Ctrl+Shift+Z)</source>
            <translation>Rehacer el cambio deshecho (Ctrl+Mayús+Z)</translation>
        </message>
        <message>
            <source>&amp;Find Customer</source>
            <translation>&amp;Buscar cliente</translation>
        </message>
        <message>
            <source>Jump to the search box (Ctrl+F)</source>
            <translation>Ir al cuadro de búsqueda (Ctrl+F)</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Actualizar</translation>
        </message>
        <message>
            <source>Reload the list from the book (F5)</source>
            <translation>Volver a leer la lista del libro (F5)</translation>
        </message>
        <message>
            <source>Save Current &amp;View…</source>
            <translation>Guardar la &amp;vista actual…</translation>
        </message>
        <message>
            <source>Keep this search, filter and sort under a name</source>
            <translation>Guardar esta búsqueda, filtro y orden con un nombre</translation>
        </message>
        <message>
            <source>&amp;Delete Saved View</source>
            <translation>&amp;Eliminar vista guardada</translation>
        </message>
        <message>
            <source>Remove the selected saved view</source>
            <translation>Eliminar la vista guardada seleccionada</translation>
        </message>
        <message>
            <source>Default Phone &amp;Region…</source>
            <translation>Región &amp;telefónica predeterminada…</translation>
        </message>
        <message>
            <source>The country used for phone numbers typed without +code</source>
            <translation>El país de los números de teléfono escritos sin +prefijo</translation>
        </message>
        <message>
            <source>&amp;Quick Capture…</source>
            <translation>Registro &amp;rápido…</translation>
        </message>
        <message>
            <source>Log a walk-in, call or message in seconds (Ctrl+L)</source>
            <translation>Registrar una visita, llamada o mensaje en segundos (Ctrl+L)</translation>
        </message>
        <message>
            <source>&amp;Log Interaction…</source>
            <translation>Registrar &amp;interacción…</translation>
        </message>
        <message>
            <source>Log an interaction with the selected customer (Ctrl+I)</source>
            <translation>Registrar una interacción con el cliente seleccionado (Ctrl+I)</translation>
        </message>
        <message>
            <source>Add &amp;Follow-up…</source>
            <translation>Añadir &amp;seguimiento…</translation>
        </message>
        <message>
            <source>Add a follow-up or promise for the selected customer (Ctrl+Shift+U)</source>
            <translation>Añadir un seguimiento o una promesa para el cliente seleccionado (Ctrl+Mayús+U)</translation>
        </message>
        <message>
            <source>&amp;Export Follow-ups to Calendar…</source>
            <translation>&amp;Exportar seguimientos al calendario…</translation>
        </message>
        <message>
            <source>Save open follow-ups of the next 90 days as an .ics file</source>
            <translation>Guardar los seguimientos abiertos de los próximos 90 días como archivo .ics</translation>
        </message>
        <message>
            <source>&amp;Staff Members…</source>
            <translation>&amp;Personal…</translation>
        </message>
        <message>
            <source>Add or edit staff members and their roles</source>
            <translation>Añadir o editar el personal y sus roles</translation>
        </message>
        <message>
            <source>Contact Ca&amp;dence…</source>
            <translation>&amp;Frecuencia de contacto…</translation>
        </message>
        <message>
            <source>How often each segment expects to hear from you</source>
            <translation>Cada cuánto espera noticias cada segmento</translation>
        </message>
        <message>
            <source>F&amp;unnel Report…</source>
            <translation>&amp;Informe del embudo…</translation>
        </message>
        <message>
            <source>How customers moved through the stages over a period</source>
            <translation>Cómo avanzaron los clientes por las etapas en un periodo</translation>
        </message>
        <message>
            <source>Lifecycle Sta&amp;ges…</source>
            <translation>&amp;Etapas del ciclo de vida…</translation>
        </message>
        <message>
            <source>Rename or reorder the lifecycle stages</source>
            <translation>Renombrar o reordenar las etapas del ciclo de vida</translation>
        </message>
        <message>
            <source>Record &amp;Purchase…</source>
            <translation>Registrar &amp;compra…</translation>
        </message>
        <message>
            <source>Record a purchase for the selected customer; it earns points (Ctrl+Shift+B)</source>
            <translation>Registrar una compra del cliente seleccionado; suma puntos (Ctrl+Mayús+B)</translation>
        </message>
        <message>
            <source>&amp;Redeem Points…</source>
            <translation>Ca&amp;njear puntos…</translation>
        </message>
        <message>
            <source>Spend the selected customer's points on a reward (Ctrl+Shift+R)</source>
            <translation>Gastar los puntos del cliente seleccionado en una recompensa (Ctrl+Mayús+R)</translation>
        </message>
        <message>
            <source>&amp;Bonus or Adjustment…</source>
            <translation>&amp;Bonificación o ajuste…</translation>
        </message>
        <message>
            <source>Give bonus points or correct a balance, with a reason</source>
            <translation>Dar puntos extra o corregir un saldo, con un motivo</translation>
        </message>
        <message>
            <source>Loyalty &amp;Statement…</source>
            <translation>&amp;Extracto de fidelización…</translation>
        </message>
        <message>
            <source>A PDF loyalty statement for the selected customer (Ctrl+P)</source>
            <translation>Un extracto de fidelización en PDF del cliente seleccionado (Ctrl+P)</translation>
        </message>
        <message>
            <source>Statements for &amp;Many Customers…</source>
            <translation>Extractos para &amp;varios clientes…</translation>
        </message>
        <message>
            <source>Loyalty statements for the current list or a segment, as PDF</source>
            <translation>Extractos de fidelización de la lista actual o de un segmento, en PDF</translation>
        </message>
        <message>
            <source>&amp;Loyalty Programme…</source>
            <translation>Programa de fideli&amp;zación…</translation>
        </message>
        <message>
            <source>Points per purchase, tiers, expiry, rewards and the statement letterhead</source>
            <translation>Puntos por compra, niveles, caducidad, recompensas y membrete del extracto</translation>
        </message>
        <message>
            <source>&amp;Import Contacts…</source>
            <translation>&amp;Importar contactos…</translation>
        </message>
        <message>
            <source>Bring in contacts from vCard (.vcf) or CSV files, or a whole book (.json)</source>
            <translation>Traer contactos de archivos vCard (.vcf) o CSV, o un libro entero (.json)</translation>
        </message>
        <message>
            <source>&amp;Undo an Earlier Import…</source>
            <translation>Deshacer una im&amp;portación anterior…</translation>
        </message>
        <message>
            <source>Take back an import as a whole</source>
            <translation>Deshacer una importación completa</translation>
        </message>
        <message>
            <source>Export List as &amp;vCard…</source>
            <translation>E&amp;xportar lista como vCard…</translation>
        </message>
        <message>
            <source>The customers of the current list as vCard 4.0</source>
            <translation>Los clientes de la lista actual en vCard 4.0</translation>
        </message>
        <message>
            <source>Export List as &amp;CSV…</source>
            <translation>&amp;Exportar lista como CSV…</translation>
        </message>
        <message>
            <source>The customers of the current list as a spreadsheet-safe CSV file</source>
            <translation>Los clientes de la lista actual en un CSV seguro para hojas de cálculo</translation>
        </message>
        <message>
            <source>Export List as &amp;Spreadsheet (.xlsx)…</source>
            <translation>Exportar lista como &amp;hoja de cálculo (.xlsx)…</translation>
        </message>
        <message>
            <source>The customers of the current list as a spreadsheet for LibreOffice or Excel: postcodes and phones keep their leading zeros</source>
            <translation>Los clientes de la lista actual en una hoja de cálculo para LibreOffice o Excel: los códigos postales y teléfonos conservan los ceros iniciales</translation>
        </message>
        <message>
            <source>Export List for &amp;Google Contacts…</source>
            <translation>Exportar lista para &amp;Google Contacts…</translation>
        </message>
        <message>
            <source>The customers of the current list as a CSV in Google Contacts' layout</source>
            <translation>Los clientes de la lista actual en un CSV con el formato de Google Contacts</translation>
        </message>
        <message>
            <source>Export List for Ou&amp;tlook…</source>
            <translation>Exportar lista para Outloo&amp;k…</translation>
        </message>
        <message>
            <source>The customers of the current list as a CSV in Outlook's layout</source>
            <translation>Los clientes de la lista actual en un CSV con el formato de Outlook</translation>
        </message>
        <message>
            <source>Export &amp;Whole Book (JSON)…</source>
            <translation>Exportar el libro entero (&amp;JSON)…</translation>
        </message>
        <message>
            <source>Everything in the book, for another crmdesk to import</source>
            <translation>Todo el libro, para importarlo en otro crmdesk</translation>
        </message>
        <message>
            <source>&amp;Back Up Now…</source>
            <translation>Hacer copia de &amp;seguridad ahora…</translation>
        </message>
        <message>
            <source>A consistent copy of the book, now</source>
            <translation>Una copia coherente del libro, ahora</translation>
        </message>
        <message>
            <source>Restore from Bac&amp;kup…</source>
            <translation>&amp;Restaurar desde una copia…</translation>
        </message>
        <message>
            <source>Replace the book by a backup (the current book is kept aside)</source>
            <translation>Sustituir el libro por una copia de seguridad (el libro actual se guarda aparte)</translation>
        </message>
        <message>
            <source>&amp;Encrypt Book…</source>
            <translation>Ci&amp;frar libro…</translation>
        </message>
        <message>
            <source>Protect the book with a passphrase (SQLCipher): a lost laptop reveals nothing</source>
            <translation>Proteger el libro con una frase de paso (SQLCipher): un portátil perdido no revela nada</translation>
        </message>
        <message>
            <source>Change Passp&amp;hrase…</source>
            <translation>Cam&amp;biar la frase de paso…</translation>
        </message>
        <message>
            <source>Change the passphrase of this encrypted book</source>
            <translation>Cambiar la frase de paso de este libro cifrado</translation>
        </message>
        <message>
            <source>&amp;Audit Trail…</source>
            <translation>Registro de a&amp;uditoría…</translation>
        </message>
        <message>
            <source>Who viewed, changed, exported or printed which customer, and when</source>
            <translation>Quién vio, cambió, exportó o imprimió qué cliente, y cuándo</translation>
        </message>
        <message>
            <source>Export Everything About This &amp;Customer…</source>
            <translation>Exportar todo sobre este &amp;cliente…</translation>
        </message>
        <message>
            <source>A JSON and a PDF of everything the book holds about the selected customer</source>
            <translation>Un JSON y un PDF con todo lo que el libro guarda del cliente seleccionado</translation>
        </message>
        <message>
            <source>&amp;Forget This Customer…</source>
            <translation>&amp;Olvidar este cliente…</translation>
        </message>
        <message>
            <source>Erase what identifies the selected customer; totals stay, anonymised</source>
            <translation>Borrar lo que identifica al cliente seleccionado; los totales se conservan, anonimizados</translation>
        </message>
        <message>
            <source>Find &amp;Duplicates…</source>
            <translation>Buscar d&amp;uplicados…</translation>
        </message>
        <message>
            <source>Customers entered twice: same e-mail, same phone or similar name</source>
            <translation>Clientes introducidos dos veces: mismo correo, mismo teléfono o nombre parecido</translation>
        </message>
        <message>
            <source>&amp;Lock Window</source>
            <translation>Blo&amp;quear ventana</translation>
        </message>
        <message>
            <source>Hide all client data until your password or PIN is typed (Ctrl+Shift+L)</source>
            <translation>Ocultar todos los datos de clientes hasta escribir su contraseña o PIN (Ctrl+Mayús+L)</translation>
        </message>
        <message>
            <source>Sign In &amp;as Someone Else…</source>
            <translation>Ca&amp;mbiar de usuario…</translation>
        </message>
        <message>
            <source>Hand the window to another staff member</source>
            <translation>Pasar la ventana a otra persona del equipo</translation>
        </message>
        <message>
            <source>Change My &amp;Password or PIN…</source>
            <translation>Mi c&amp;ontraseña o PIN…</translation>
        </message>
        <message>
            <source>Your password signs you in; your PIN unlocks the window</source>
            <translation>La contraseña inicia la sesión; el PIN desbloquea la ventana</translation>
        </message>
        <message>
            <source>Lock After &amp;Idle Time…</source>
            <translation>Bloquear tras inacti&amp;vidad…</translation>
        </message>
        <message>
            <source>Minutes without keyboard or mouse before the window locks itself</source>
            <translation>Minutos sin teclado ni ratón antes de que la ventana se bloquee sola</translation>
        </message>
        <message>
            <source>&amp;Remember Passphrase on This Computer</source>
            <translation>Recordar la frase de paso en es&amp;te ordenador</translation>
        </message>
        <message>
            <source>Keep the book's passphrase in the system keyring, so it opens without asking</source>
            <translation>Guardar la frase de paso del libro en el llavero del sistema, para abrirlo sin preguntar</translation>
        </message>
        <message>
            <source>&amp;About crmdesk</source>
            <translation>A&amp;cerca de crmdesk</translation>
        </message>
    </context>
    <context>
        <name>AgendaActions</name>
        <message>
            <source>Agenda</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <source>Today, tomorrow, this week, next week, a month: drag to reschedule</source>
            <translation>Hoy, mañana, esta semana, la próxima, un mes: arrastrar para reprogramar</translation>
        </message>
        <message>
            <source>Reschedule {what}</source>
            <translation>Reprogramar {what}</translation>
        </message>
        <message>
            <source>Moved {what} to {day}. Ctrl+Z to undo.</source>
            <translation>{what} pasa al {day}. Ctrl+Z para deshacer.</translation>
        </message>
    </context>
    <context>
        <name>AgendaView</name>
        <message>
            <source>Promise due {when}
{what}
for {customer_name}</source>
            <translation>Promesa para el {when}
{what}
para {customer_name}</translation>
        </message>
        <message>
            <source>Follow-up due {when}
{what}
for {customer_name}</source>
            <translation>Seguimiento para el {when}
{what}
para {customer_name}</translation>
        </message>
        <message>
            <source>
assigned to {assignee}</source>
            <translation>
asignado a {assignee}</translation>
        </message>
        <message>
            <source>

Drag to another day to reschedule; double-click opens the client</source>
            <translation>

Arrastrar a otro día para reprogramar; doble clic abre el cliente</translation>
        </message>
        <message>
            <source>Agenda range</source>
            <translation>Periodo de la agenda</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>Míos</translation>
        </message>
        <message>
            <source>The team's</source>
            <translation>Del equipo</translation>
        </message>
        <message>
            <source>Not yet assigned</source>
            <translation>Sin asignar</translation>
        </message>
        <message>
            <source>Whose agenda</source>
            <translation>Agenda de quién</translation>
        </message>
        <message>
            <source>Mine: assigned to me, or my clients' ones nobody took</source>
            <translation>Mía: asignados a mí, o de mis clientes sin asignar</translation>
        </message>
        <message>
            <source>Earlier</source>
            <translation>Antes</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Después</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Hoy</translation>
        </message>
        <message>
            <source>Back to the range around today</source>
            <translation>Volver al periodo de hoy</translation>
        </message>
        <message>
            <source>Drag a follow-up to another day to reschedule it (Ctrl+Z undoes); double-click to open the client.</source>
            <translation>Arrastrar un seguimiento a otro día para reprogramarlo (Ctrl+Z deshace); doble clic para abrir el cliente.</translation>
        </message>
        <message>
            <source>Overdue</source>
            <extracomment>called with each day's list as it is made (the window adds its right-click menu)</extracomment>
            <translation>Atrasados</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsPages</name>
        <message>
            <source>Relationship canvas</source>
            <translation>Lienzo de relaciones</translation>
        </message>
        <message>
            <source>Dashboards</source>
            <translation>Paneles</translation>
        </message>
        <message>
            <source>Segments, channels, relationships and what they cost</source>
            <translation>Segmentos, canales, relaciones y lo que cuestan</translation>
        </message>
        <message>
            <source>Funnel, promises, response times, satisfaction, loyalty, quiet clients and value as charts</source>
            <translation>Embudo, promesas, tiempos de respuesta, satisfacción, fidelización, clientes inactivos y valor en gráficos</translation>
        </message>
        <message>
            <source>Relationship &amp;Canvas</source>
            <translation>&amp;Lienzo de relaciones</translation>
        </message>
        <message>
            <source>Ctrl+Shift+K</source>
            <translation>Ctrl+Shift+K</translation>
        </message>
        <message>
            <source>The relationship canvas: one card per segment</source>
            <translation>El lienzo de relaciones: una tarjeta por segmento</translation>
        </message>
        <message>
            <source>Dash&amp;boards</source>
            <translation>&amp;Paneles</translation>
        </message>
        <message>
            <source>Ctrl+Shift+D</source>
            <translation>Ctrl+Shift+D</translation>
        </message>
        <message>
            <source>Charts of the funnel, promises, response times, satisfaction, loyalty and value</source>
            <translation>Gráficos del embudo, promesas, tiempos de respuesta, satisfacción, fidelización y valor</translation>
        </message>
        <message>
            <source>Relationship &amp;Costs…</source>
            <translation>&amp;Costes de la relación…</translation>
        </message>
        <message>
            <source>Hourly cost per role, default duration per channel, answer target, value of a point</source>
            <translation>Coste por hora de cada rol, duración por canal, objetivo de respuesta, valor de un punto</translation>
        </message>
        <message>
            <source> — not for your role ({role})</source>
            <extracomment>after a change, wait this long for the next one before recomputing what is shown (a receptionist logging call after call does not restart the work each time)</extracomment>
            <translation> — no disponible para su rol ({role})</translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) behind: {label}</source>
            <translation>
                <numerusform>%n cliente detrás de: {label}</numerusform>
                <numerusform>%n clientes detrás de: {label}</numerusform>
            </translation>
        </message>
        <message>
            <source>Export the relationship canvas</source>
            <translation>Exportar el lienzo de relaciones</translation>
        </message>
        <message>
            <source>Export the dashboards</source>
            <translation>Exportar los paneles</translation>
        </message>
        <message>
            <source>Writing {name}…</source>
            <translation>Escribiendo {name}…</translation>
        </message>
        <message>
            <source>Written to {target}</source>
            <translation>Escrito en {target}</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Not allowed</source>
            <translation>No permitido</translation>
        </message>
        <message>
            <source>The book was upgraded; a copy of the old version is at {path}</source>
            <translation>El libro se ha actualizado; hay una copia de la versión anterior en {path}</translation>
        </message>
    </context>
    <context>
        <name>Board</name>
        <message>
            <source>no owner</source>
            <translation>sin responsable</translation>
        </message>
        <message>
            <source>{days} in this stage</source>
            <translation>{days} en esta etapa</translation>
        </message>
        <message>
            <source>No follow-up planned</source>
            <translation>Sin seguimiento previsto</translation>
        </message>
        <message>
            <source>Next: {due} · {what}</source>
            <translation>Siguiente: {due} · {what}</translation>
        </message>
    </context>
    <context>
        <name>BoardView</name>
        <message>
            <source>Suggested moves</source>
            <extracomment>the book changed while another page was shown: re-read when shown again</extracomment>
            <translation>Cambios sugeridos</translation>
        </message>
        <message>
            <source>Move to Reactivation</source>
            <translation>Pasar a Reactivación</translation>
        </message>
        <message>
            <source>Accept the suggestion for the selected customer</source>
            <translation>Aceptar la sugerencia para el cliente seleccionado</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Descartar</translation>
        </message>
        <message>
            <source>Not now: ask again only after a new contact</source>
            <translation>Ahora no: volver a preguntar tras un nuevo contacto</translation>
        </message>
        <message>
            <source>{label} column</source>
            <translation>Columna {label}</translation>
        </message>
        <message>
            <source>Showing customers matching {shown} (filters are shared with the Customers page)</source>
            <translation>Clientes que coinciden con {shown} (los filtros son los de la página Clientes)</translation>
        </message>
        <message>
            <source>All customers (filters on the Customers page apply here too)</source>
            <translation>Todos los clientes (los filtros de la página Clientes también se aplican aquí)</translation>
        </message>
        <message>
            <source>{given} {family} — {stage}, no contact for {days}+ days</source>
            <translation>{given} {family} — {stage}, sin contacto desde hace {days}+ días</translation>
        </message>
        <message numerus="yes">
            <source>Suggested for Reactivation: %n customer(s) with no interaction for {days} days</source>
            <translation>
                <numerusform>Sugerido para Reactivación: %n cliente sin interacción desde hace {days} días</numerusform>
                <numerusform>Sugeridos para Reactivación: %n clientes sin interacción desde hace {days} días</numerusform>
            </translation>
        </message>
        <message>
            <source>No suggestions.</source>
            <translation>Sin sugerencias.</translation>
        </message>
        <message>
            <source>Move to {label}…</source>
            <translation>Pasar a {label}…</translation>
        </message>
        <message>
            <source>Write to Everyone in {value}…</source>
            <translation>Escribir a todos en {value}…</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>Mover</translation>
        </message>
        <message>
            <source>Why move to {value}? (optional)</source>
            <translation>¿Por qué pasa a {value}? (opcional)</translation>
        </message>
    </context>
    <context>
        <name>BookActions</name>
        <message>
            <source>The book file open now</source>
            <translation>El archivo del libro abierto</translation>
        </message>
        <message>
            <source>Opened {path}</source>
            <translation>Abierto {path}</translation>
        </message>
        <message>
            <source>New client book</source>
            <translation>Nuevo libro de clientes</translation>
        </message>
        <message>
            <source>crmdesk books (*.db)</source>
            <translation>Libros de crmdesk (*.db)</translation>
        </message>
        <message>
            <source>{target} already exists; choose a new name.</source>
            <translation>{target} ya existe; elija otro nombre.</translation>
        </message>
        <message>
            <source>Open client book</source>
            <translation>Abrir libro de clientes</translation>
        </message>
        <message>
            <source>crmdesk books (*.db);;All files (*)</source>
            <translation>Libros de crmdesk (*.db);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>{name} may not encrypt the book.</source>
            <translation>{name} no puede cifrar el libro.</translation>
        </message>
        <message>
            <source>{name} is already encrypted; use Change Passphrase to change its key.</source>
            <translation>{name} ya está cifrado; use Cambiar la frase de paso para cambiar su clave.</translation>
        </message>
        <message>
            <source>Encrypt this book</source>
            <translation>Cifrar este libro</translation>
        </message>
        <message>
            <source>Not encrypted: no passphrase, or the two differed.</source>
            <translation>Sin cifrar: no hay frase de paso, o las dos no coinciden.</translation>
        </message>
        <message>
            <source>The book is encrypted. Backups made before now are not: delete them if they must stay private.</source>
            <translation>El libro está cifrado. Las copias de seguridad anteriores no lo están: bórrelas si deben seguir siendo privadas.</translation>
        </message>
        <message>
            <source>{name} may not change the book's passphrase.</source>
            <translation>{name} no puede cambiar la frase de paso del libro.</translation>
        </message>
        <message>
            <source>{name} is not encrypted: use Encrypt Book first.</source>
            <translation>{name} no está cifrado: use primero Cifrar libro.</translation>
        </message>
        <message>
            <source>Change the passphrase</source>
            <translation>Cambiar la frase de paso</translation>
        </message>
        <message>
            <source>Passphrase unchanged.</source>
            <translation>La frase de paso no ha cambiado.</translation>
        </message>
        <message>
            <source>The passphrase was changed.</source>
            <translation>Se ha cambiado la frase de paso.</translation>
        </message>
        <message>
            <source>Rewriting the book… (a large book takes a while)</source>
            <translation>Reescribiendo el libro… (un libro grande tarda un poco)</translation>
        </message>
        <message>
            <source>Nothing was changed: {exc}</source>
            <translation>No se ha cambiado nada: {exc}</translation>
        </message>
        <message>
            <source>Welcome to crmdesk</source>
            <translation>Le damos la bienvenida a crmdesk</translation>
        </message>
        <message>
            <source>This client book is empty.

Bring in your contacts from a phone, Outlook, Gmail or a spreadsheet (vCard or CSV), or explore a demo book of {DEMO_CUSTOMERS} sample clients first (your own book stays as it is; File ▸ Open Book brings you back).</source>
            <translation>Este libro de clientes está vacío.

Traiga sus contactos de un teléfono, Outlook, Gmail o una hoja de cálculo (vCard o CSV), o explore antes un libro de demostración con {DEMO_CUSTOMERS} clientes de ejemplo (su libro queda como está; Archivo ▸ Abrir libro le trae de vuelta).</translation>
        </message>
        <message>
            <source>Import contacts…</source>
            <translation>Importar contactos…</translation>
        </message>
        <message>
            <source>Explore the demo</source>
            <translation>Explorar la demostración</translation>
        </message>
        <message>
            <source>Start empty</source>
            <translation>Empezar vacío</translation>
        </message>
        <message>
            <source>Building the demo book…</source>
            <translation>Creando el libro de demostración…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Demo book ready: explore freely.</source>
            <translation>Libro de demostración listo: explore a su gusto.</translation>
        </message>
    </context>
    <context>
        <name>CadenceDialog</name>
        <message>
            <source>Contact cadence</source>
            <translation>Frecuencia de contacto</translation>
        </message>
        <message>
            <source> days</source>
            <translation> días</translation>
        </message>
        <message>
            <source>no cadence</source>
            <translation>sin frecuencia</translation>
        </message>
        <message>
            <source>Cadence for {segment}</source>
            <translation>Frecuencia para {segment}</translation>
        </message>
        <message>
            <source>Contact each client of a segment at least every…</source>
            <translation>Contactar con cada cliente del segmento al menos cada…</translation>
        </message>
    </context>
    <context>
        <name>CanvasView</name>
        <message>
            <source>(all segments)</source>
            <translation>(todos los segmentos)</translation>
        </message>
        <message>
            <source>(no segment)</source>
            <translation>(sin segmento)</translation>
        </message>
        <message>
            <source> Counted: the customers you may see beyond name and contact.</source>
            <translation> Se cuentan los clientes que puedes ver más allá del nombre y el contacto.</translation>
        </message>
        <message>
            <source>{scope} · money in {currency} · customers in the book today; period figures include archived and forgotten customers.{who} Click a figure to see its customers.</source>
            <translation>{scope} · importes en {currency} · clientes del libro hoy; las cifras del periodo incluyen los clientes archivados y olvidados.{who} Haz clic en una cifra para ver sus clientes.</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <extracomment>Each page computes its figures again (in a worker) for the current filters.</extracomment>
            <translation>Exportar PDF…</translation>
        </message>
        <message>
            <source>The canvas as a PDF on the statements' letterhead</source>
            <translation>El lienzo en PDF con el membrete de los extractos</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Exportar CSV…</translation>
        </message>
        <message>
            <source>The canvas as a spreadsheet</source>
            <translation>El lienzo como hoja de cálculo</translation>
        </message>
        <message>
            <source>Costs…</source>
            <translation>Costes…</translation>
        </message>
        <message>
            <source>Hourly cost per role, default duration per channel, answer target</source>
            <translation>Coste por hora de cada rol, duración por canal, objetivo de respuesta</translation>
        </message>
        <message>
            <source>Relationship canvas</source>
            <translation>Lienzo de relaciones</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%n&lt;/b&gt; customer(s)</source>
            <translation>
                <numerusform>&lt;b&gt;%n&lt;/b&gt; cliente</numerusform>
                <numerusform>&lt;b&gt;%n&lt;/b&gt; clientes</numerusform>
            </translation>
        </message>
        <message>
            <source>Relationships:</source>
            <translation>Relaciones:</translation>
        </message>
        <message>
            <source>Stages:</source>
            <translation>Etapas:</translation>
        </message>
        <message>
            <source>Contacts ({interactions}):</source>
            <translation>Contactos ({interactions}):</translation>
        </message>
        <message>
            <source>none in the period</source>
            <translation>ninguno en el periodo</translation>
        </message>
        <message>
            <source>Prefer:</source>
            <translation>Prefieren:</translation>
        </message>
        <message>
            <source>Only {share} of contacts on the channel the client prefers</source>
            <translation>Solo el {share} de los contactos por el canal que prefiere el cliente</translation>
        </message>
        <message>
            <source>Answer:</source>
            <translation>Respuesta:</translation>
        </message>
        <message>
            <source>median {hours}</source>
            <translation>mediana {hours}</translation>
        </message>
        <message>
            <source>, p90 {fmt_hours}, {share} within {target} h</source>
            <translation>, p90 {fmt_hours}, {share} en menos de {target} h</translation>
        </message>
        <message numerus="yes">
            <source>%n waiting</source>
            <translation>
                <numerusform>%n pendiente</numerusform>
                <numerusform>%n pendientes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>(%n rating(s))</source>
            <translation>
                <numerusform>(%n valoración)</numerusform>
                <numerusform>(%n valoraciones)</numerusform>
            </translation>
        </message>
        <message>
            <source>Satisfaction:</source>
            <translation>Satisfacción:</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;{share}&lt;/b&gt; kept on time of %n due</source>
            <translation>
                <numerusform>&lt;b&gt;{share}&lt;/b&gt; cumplida a tiempo de %n que vencía</numerusform>
                <numerusform>&lt;b&gt;{share}&lt;/b&gt; cumplidas a tiempo de %n que vencían</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n late</source>
            <translation>
                <numerusform>%n tarde</numerusform>
                <numerusform>%n tarde</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n overdue</source>
            <translation>
                <numerusform>%n atrasada</numerusform>
                <numerusform>%n atrasadas</numerusform>
            </translation>
        </message>
        <message>
            <source>none due in the period</source>
            <translation>ninguna vencía en el periodo</translation>
        </message>
        <message>
            <source>Promises:</source>
            <translation>Promesas:</translation>
        </message>
        <message>
            <source>({hours} h by channel defaults)</source>
            <translation>({hours} h según la duración por canal)</translation>
        </message>
        <message>
            <source>Staff time:</source>
            <translation>Tiempo del equipo:</translation>
        </message>
        <message>
            <source>Cost:</source>
            <translation>Coste:</translation>
        </message>
        <message>
            <source> · {e} per customer</source>
            <translation> · {e} por cliente</translation>
        </message>
        <message>
            <source>{ratio} × its cost</source>
            <translation>{ratio} × su coste</translation>
        </message>
        <message>
            <source>Bought in the period:</source>
            <translation>Compras en el periodo:</translation>
        </message>
        <message>
            <source>Lifetime value:</source>
            <translation>Valor acumulado:</translation>
        </message>
        <message>
            <source> · last 12 months {e}</source>
            <translation> · últimos 12 meses {e}</translation>
        </message>
        <message>
            <source> · also {others}</source>
            <translation> · además {others}</translation>
        </message>
        <message>
            <source>Points outstanding:</source>
            <translation>Puntos pendientes:</translation>
        </message>
        <message>
            <source>{points_outstanding} (worth {e} {cur})</source>
            <translation>{points_outstanding} (valen {e} {cur})</translation>
        </message>
    </context>
    <context>
        <name>ChartCard</name>
        <message>
            <source>Chart note</source>
            <translation>Nota del gráfico</translation>
        </message>
    </context>
    <context>
        <name>ChartView</name>
        <message>
            <source>&amp;Copy as Image</source>
            <extracomment>the widest a bar gets (one or two categories on a wide chart stay bars, not walls) the slant of x-axis labels too long to stand level, and the longest such a label gets</extracomment>
            <translation>&amp;Copiar como imagen</translation>
        </message>
        <message>
            <source>Hover for values; click a bar or point to see its customers; right-click to copy as an image</source>
            <translation>Pasar el ratón para ver valores; clic en una barra o punto para ver sus clientes; clic derecho para copiar como imagen</translation>
        </message>
        <message>
            <source>Chart</source>
            <translation>Gráfico</translation>
        </message>
        <message>
            <source>No data in this period.</source>
            <translation>No hay datos en este periodo.</translation>
        </message>
        <message>
            <source>Click to see the customers</source>
            <translation>Clic para ver los clientes</translation>
        </message>
        <message>
            <source>Show the Customers Behind This</source>
            <translation>Ver los clientes detrás de esto</translation>
        </message>
    </context>
    <context>
        <name>Chrome</name>
        <message>
            <source>Undo</source>
            <translation>Deshacer</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Rehacer</translation>
        </message>
        <message>
            <source>Undo {what}</source>
            <translation>Deshacer {what}</translation>
        </message>
        <message>
            <source>Undo the last change</source>
            <translation>Deshacer el último cambio</translation>
        </message>
        <message>
            <source>Redo {what}</source>
            <translation>Rehacer {what}</translation>
        </message>
        <message>
            <source>Redo the change you undid</source>
            <translation>Rehacer el cambio deshecho</translation>
        </message>
        <message>
            <source>&amp;You:</source>
            <translation>&amp;Usted:</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ay&amp;uda</translation>
        </message>
        <message>
            <source>crmdesk &amp;Help</source>
            <translation>&amp;Ayuda de crmdesk</translation>
        </message>
        <message>
            <source>How crmdesk works: tasks, shortcuts, roles</source>
            <translation>Cómo funciona crmdesk: tareas, atajos, roles</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>Atajos de &amp;teclado</translation>
        </message>
        <message>
            <source>Every keyboard shortcut at a glance</source>
            <translation>Todos los atajos de teclado de un vistazo</translation>
        </message>
        <message>
            <source>Versions and licences of crmdesk and what it is built with</source>
            <translation>Versiones y licencias de crmdesk y de aquello con lo que está hecho</translation>
        </message>
    </context>
    <context>
        <name>ColumnModel</name>
        <message numerus="yes">
            <source>%n day(s) in stage</source>
            <translation>
                <numerusform>%n día en la etapa</numerusform>
                <numerusform>%n días en la etapa</numerusform>
            </translation>
        </message>
        <message>
            <source>next: {what}</source>
            <translation>siguiente: {what}</translation>
        </message>
        <message>
            <source>no follow-up</source>
            <translation>sin seguimiento</translation>
        </message>
        <message>
            <source>{segment} · owner {owner}</source>
            <translation>{segment} · responsable {owner}</translation>
        </message>
        <message>
            <source>nobody</source>
            <translation>nadie</translation>
        </message>
        <message numerus="yes">
            <source>{tier} tier · %n point(s)</source>
            <translation>
                <numerusform>nivel {tier} · %n punto</numerusform>
                <numerusform>nivel {tier} · %n puntos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) in {stage}</source>
            <translation>
                <numerusform>%n día en {stage}</numerusform>
                <numerusform>%n días en {stage}</numerusform>
            </translation>
        </message>
        <message>
            <source>Next follow-up: {what} (overdue)</source>
            <translation>Próximo seguimiento: {what} (atrasado)</translation>
        </message>
        <message>
            <source>Next follow-up: {what}</source>
            <translation>Próximo seguimiento: {what}</translation>
        </message>
        <message>
            <source>Drag to another stage, or Ctrl+←/→</source>
            <translation>Arrastrar a otra etapa, o Ctrl+←/→</translation>
        </message>
    </context>
    <context>
        <name>ContactActions</name>
        <message>
            <source>Signed in as {name} ({value}); File ▸ Sign In as Someone Else… to hand over</source>
            <translation>Sesión de {name} ({value}); Archivo ▸ Cambiar de usuario… para pasar la ventana</translation>
        </message>
        <message>
            <source>Who is using crmdesk: interactions you log are yours</source>
            <translation>Quién usa crmdesk: las interacciones que registra son suyas</translation>
        </message>
        <message>
            <source>(choose)</source>
            <translation>(elegir)</translation>
        </message>
        <message>
            <source>Working as {value}</source>
            <translation>Trabajando como {value}</translation>
        </message>
        <message>
            <source>Select a customer first.</source>
            <translation>Seleccione antes un cliente.</translation>
        </message>
        <message>
            <source>Logged for {name}</source>
            <translation>Registrado para {name}</translation>
        </message>
        <message>
            <source>Follow-up added for {value}</source>
            <translation>Seguimiento añadido para {value}</translation>
        </message>
        <message>
            <source>Already {status}: {what}</source>
            <translation>Ya {status}: {what}</translation>
        </message>
        <message>
            <source>Mark “{what}” done</source>
            <translation>Marcar «{what}» como hecho</translation>
        </message>
        <message>
            <source>Done: {what}. Ctrl+Z to undo.</source>
            <translation>Hecho: {what}. Ctrl+Z para deshacer.</translation>
        </message>
        <message>
            <source>Contact logged.</source>
            <translation>Contacto registrado.</translation>
        </message>
        <message>
            <source>Export follow-ups to your calendar</source>
            <translation>Exportar los seguimientos a su calendario</translation>
        </message>
        <message>
            <source>iCalendar (*.ics)</source>
            <translation>iCalendar (*.ics)</translation>
        </message>
        <message>
            <source>Could not write {name}: {value}</source>
            <translation>No se pudo escribir {name}: {value}</translation>
        </message>
        <message numerus="yes">
            <source>%n follow-up(s) exported to {name}</source>
            <translation>
                <numerusform>%n seguimiento exportado a {name}</numerusform>
                <numerusform>%n seguimientos exportados a {name}</numerusform>
            </translation>
        </message>
        <message>
            <source>The book now has staff accounts. Sign in to go on:</source>
            <translation>El libro ya tiene cuentas del personal. Inicie sesión para seguir:</translation>
        </message>
    </context>
    <context>
        <name>ContextMenus</name>
        <message>
            <source>Follow-up added for {name}</source>
            <translation>Seguimiento añadido para {name}</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abrir</translation>
        </message>
        <message>
            <source>Log interaction…</source>
            <translation>Registrar interacción…</translation>
        </message>
        <message>
            <source>Add follow-up…</source>
            <translation>Añadir seguimiento…</translation>
        </message>
        <message>
            <source>Write to…</source>
            <translation>Escribir a…</translation>
        </message>
        <message>
            <source>Move to stage</source>
            <translation>Pasar a la etapa</translation>
        </message>
        <message>
            <source>Archive</source>
            <translation>Archivar</translation>
        </message>
        <message>
            <source>Move to the Trash (Ctrl+Z undoes)</source>
            <translation>Mover a la Papelera (Ctrl+Z deshace)</translation>
        </message>
        <message>
            <source>Mark done</source>
            <translation>Marcar como hecho</translation>
        </message>
        <message>
            <source>Move to the next day</source>
            <translation>Pasar al día siguiente</translation>
        </message>
        <message>
            <source>Move a week later</source>
            <translation>Pasar a una semana después</translation>
        </message>
    </context>
    <context>
        <name>CustomerListView</name>
        <message>
            <source>Search name, e-mail, phone, company, tag or notes  (Ctrl+F)</source>
            <extracomment>the columns whose matched words are drawn in bold the book changed while another page was shown: refresh when shown again</extracomment>
            <translation>Buscar nombre, correo, teléfono, empresa, etiqueta o notas  (Ctrl+F)</translation>
        </message>
        <message>
            <source>Search archived customers</source>
            <translation>Buscar clientes archivados</translation>
        </message>
        <message>
            <source>Search customers</source>
            <translation>Buscar clientes</translation>
        </message>
        <message>
            <source>Type any part of a name, e-mail, phone (digits), company, tag or note; results update as you type, best match first. Enter opens the first, Down goes into the list, Esc clears.</source>
            <translation>Escriba parte de un nombre, correo, teléfono (cifras), empresa, etiqueta o nota; los resultados cambian al escribir, primero los mejores. Intro abre el primero, Abajo entra en la lista, Esc borra.</translation>
        </message>
        <message>
            <source>Sort order</source>
            <translation>Orden</translation>
        </message>
        <message>
            <source>Order of the list: best match first (name order without search text), or by a column (a click on a column header does too)</source>
            <translation>Orden de la lista: primero la mejor coincidencia (por nombre sin texto de búsqueda), o por una columna (también con un clic en su encabezado)</translation>
        </message>
        <message>
            <source>Spelling suggestion</source>
            <translation>Sugerencia ortográfica</translation>
        </message>
        <message>
            <source>Click or press Enter in the search box to search for it</source>
            <translation>Clic o Intro en el cuadro de búsqueda para buscarlo</translation>
        </message>
        <message>
            <source>All stages</source>
            <translation>Etapa: todas</translation>
        </message>
        <message>
            <source>Filter by stage</source>
            <translation>Filtrar por etapa</translation>
        </message>
        <message>
            <source>All segments</source>
            <translation>Segmento: todos</translation>
        </message>
        <message>
            <source>Filter by segment</source>
            <translation>Filtrar por segmento</translation>
        </message>
        <message>
            <source>All relationships</source>
            <translation>Relación: todas</translation>
        </message>
        <message>
            <source>Filter by relationship type</source>
            <translation>Filtrar por tipo de relación</translation>
        </message>
        <message>
            <source>Any owner</source>
            <translation>Responsable: todos</translation>
        </message>
        <message>
            <source>Filter by owner</source>
            <translation>Filtrar por responsable</translation>
        </message>
        <message>
            <source>Any tag</source>
            <translation>Etiqueta: todas</translation>
        </message>
        <message>
            <source>Filter by tag</source>
            <translation>Filtrar por etiqueta</translation>
        </message>
        <message>
            <source>Any consent</source>
            <translation>Consentimiento: todos</translation>
        </message>
        <message>
            <source>Agreed to {channel}</source>
            <translation>Aceptó {channel}</translation>
        </message>
        <message>
            <source>Only customers who agreed to marketing on a channel (for a mailing, export the list filtered so)</source>
            <translation>Solo clientes que aceptaron publicidad por un canal (para un envío, exportar la lista así filtrada)</translation>
        </message>
        <message>
            <source>Archived customers list</source>
            <translation>Lista de clientes archivados</translation>
        </message>
        <message>
            <source>Customers list</source>
            <translation>Lista de clientes</translation>
        </message>
        <message numerus="yes">
            <source>Showing the %n customer(s) behind: {label}</source>
            <translation>
                <numerusform>Se muestra el cliente detrás de: {label}</numerusform>
                <numerusform>Se muestran los %n clientes detrás de: {label}</numerusform>
            </translation>
        </message>
        <message>
            <source>Did you mean {words}? Enter searches for the first.</source>
            <translation>¿Quería decir {words}? Intro busca el primero.</translation>
        </message>
        <message>
            <source>No customers in the Trash match {searched}.</source>
            <translation>Ningún cliente de la Papelera coincide con {searched}.</translation>
        </message>
        <message>
            <source>No customers on the list match {searched}.</source>
            <translation>Ningún cliente de la lista coincide con {searched}.</translation>
        </message>
        <message numerus="yes">
            <source>%n archived customer(s)</source>
            <translation>
                <numerusform>%n cliente archivado</numerusform>
                <numerusform>%n clientes archivados</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s)</source>
            <translation>
                <numerusform>%n cliente</numerusform>
                <numerusform>%n clientes</numerusform>
            </translation>
        </message>
        <message>
            <source>{shown} of {count}</source>
            <translation>{shown} de {count}</translation>
        </message>
        <message>
            <source>Customer count</source>
            <translation>Número de clientes</translation>
        </message>
        <message>
            <source>My clients</source>
            <extracomment>the name of who works now (the main window provides it), for "My clients"</extracomment>
            <translation>Mis clientes</translation>
        </message>
        <message>
            <source>Only my clients</source>
            <translation>Solo mis clientes</translation>
        </message>
        <message>
            <source>Only the customers you look after (owner = you)</source>
            <translation>Solo los clientes que usted atiende (responsable = usted)</translation>
        </message>
        <message>
            <source>No customers match</source>
            <translation>Ningún cliente coincide</translation>
        </message>
        <message>
            <source>Clear search and filters</source>
            <translation>Borrar búsqueda y filtros</translation>
        </message>
        <message>
            <source>Show every customer again</source>
            <translation>Volver a mostrar todos los clientes</translation>
        </message>
        <message>
            <source>Showing the customers behind a figure</source>
            <extracomment>{"ids": [...], "label": "..."} while the list shows the customers behind a figure</extracomment>
            <translation>Se muestran los clientes detrás de una cifra</translation>
        </message>
        <message>
            <source>Show All Customers</source>
            <translation>Mostrar todos los clientes</translation>
        </message>
        <message>
            <source>Leave the customers behind the figure and show the whole list again</source>
            <translation>Dejar los clientes de la cifra y volver a la lista completa</translation>
        </message>
        <message>
            <source>Choose who you are under “You:” first</source>
            <translation>Elija antes quién es usted en «Usted:»</translation>
        </message>
        <message>
            <source>Only the customers {me} looks after (owner = {me})</source>
            <translation>Solo los clientes que atiende {me} (responsable = {me})</translation>
        </message>
        <message>
            <source>stage</source>
            <translation>etapa</translation>
        </message>
        <message>
            <source>segment</source>
            <translation>segmento</translation>
        </message>
        <message>
            <source>relationship</source>
            <translation>relación</translation>
        </message>
        <message>
            <source>owner</source>
            <translation>responsable</translation>
        </message>
        <message>
            <source>tag</source>
            <translation>etiqueta</translation>
        </message>
        <message>
            <source>consent</source>
            <translation>consentimiento</translation>
        </message>
        <message>
            <source>Did you mean {links}?</source>
            <translation>¿Quería decir {links}?</translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message>
            <source>Export PDF…</source>
            <extracomment>a chart grows with the window up to this height (on a large screen, two charts of a tab do not stretch to fill it: the page scrolls instead)</extracomment>
            <translation>Exportar PDF…</translation>
        </message>
        <message>
            <source>Every chart as a PDF on the statements' letterhead</source>
            <translation>Todos los gráficos en PDF con el membrete de los extractos</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Exportar CSV…</translation>
        </message>
        <message>
            <source>The figures behind every chart</source>
            <translation>Las cifras de cada gráfico</translation>
        </message>
        <message>
            <source>Dashboards</source>
            <translation>Paneles</translation>
        </message>
    </context>
    <context>
        <name>DataActions</name>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>{title} — cancelled; nothing was left half done.</source>
            <translation>{title} — cancelado; no ha quedado nada a medias.</translation>
        </message>
        <message>
            <source>Import contacts</source>
            <translation>Importar contactos</translation>
        </message>
        <message>
            <source>Contacts (*.vcf *.vcard *.csv *.txt *.json);;All files (*)</source>
            <translation>Contactos (*.vcf *.vcard *.csv *.txt *.json);;Todos los archivos (*)</translation>
        </message>
        <message numerus="yes">
            <source>Import of {name}, %n customer(s)</source>
            <translation>
                <numerusform>Importación de {name}, %n cliente</numerusform>
                <numerusform>Importación de {name}, %n clientes</numerusform>
            </translation>
        </message>
        <message>
            <source>Imported {created} new and updated {updated} customers from {name}. Ctrl+Z undoes the whole import.</source>
            <translation>Importados de {name}: {created} clientes nuevos y {updated} actualizados. Ctrl+Z deshace toda la importación.</translation>
        </message>
        <message>
            <source>No import to undo.</source>
            <translation>No hay ninguna importación que deshacer.</translation>
        </message>
        <message>
            <source>Undo an import</source>
            <translation>Deshacer una importación</translation>
        </message>
        <message>
            <source>Take back this import as a whole:</source>
            <translation>Deshacer esta importación completa:</translation>
        </message>
        <message numerus="yes">
            <source>%n kept because they were edited since</source>
            <translation>
                <numerusform>%n conservado porque se editó después</numerusform>
                <numerusform>%n conservados porque se editaron después</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with newer records moved to the Trash</source>
            <translation>
                <numerusform>%n con registros más nuevos movido a la Papelera</numerusform>
                <numerusform>%n con registros más nuevos movidos a la Papelera</numerusform>
            </translation>
        </message>
        <message>
            <source>Undid the {title}: {removed} removed{trash}, {restored} restored{kept}.</source>
            <translation>Deshecha la {title}: {removed} quitados{trash}, {restored} restaurados{kept}.</translation>
        </message>
        <message>
            <source>{name} is not a crmdesk book export.</source>
            <translation>{name} no es una exportación de un libro de crmdesk.</translation>
        </message>
        <message>
            <source>Importing the book {name}…</source>
            <translation>Importando el libro {name}…</translation>
        </message>
        <message>
            <source>Export the customers of this list</source>
            <translation>Exportar los clientes de esta lista</translation>
        </message>
        <message>
            <source>Exporting to {name}…</source>
            <translation>Exportando a {name}…</translation>
        </message>
        <message>
            <source>Export the whole book</source>
            <translation>Exportar el libro entero</translation>
        </message>
        <message>
            <source>crmdesk book (*.json)</source>
            <translation>Libro de crmdesk (*.json)</translation>
        </message>
        <message>
            <source>Exporting the book to {name}…</source>
            <translation>Exportando el libro a {name}…</translation>
        </message>
        <message>
            <source>Back up the book</source>
            <translation>Copia de seguridad del libro</translation>
        </message>
        <message>
            <source>crmdesk book (*.db)</source>
            <translation>Libro de crmdesk (*.db)</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>Haciendo la copia…</translation>
        </message>
        <message>
            <source>Backed up to {path} ({value})</source>
            <translation>Copia guardada en {path} ({value})</translation>
        </message>
        <message>
            <source>Daily backup written to {path}</source>
            <translation>Copia diaria guardada en {path}</translation>
        </message>
        <message>
            <source>The daily backup failed: {exc}</source>
            <translation>La copia diaria ha fallado: {exc}</translation>
        </message>
        <message>
            <source>Restore from a backup</source>
            <translation>Restaurar desde una copia</translation>
        </message>
        <message>
            <source>crmdesk books (*.db);;All (*)</source>
            <translation>Libros de crmdesk (*.db);;Todos (*)</translation>
        </message>
        <message numerus="yes">
            <source>Book imported from {name}: %n customer(s).</source>
            <translation>
                <numerusform>Libro importado de {name}: %n cliente.</numerusform>
                <numerusform>Libro importado de {name}: %n clientes.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) exported to {target}</source>
            <translation>
                <numerusform>%n cliente exportado a {target}</numerusform>
                <numerusform>%n clientes exportados a {target}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Whole book written to {target}: %n customer(s)</source>
            <translation>
                <numerusform>Libro entero escrito en {target}: %n cliente</numerusform>
                <numerusform>Libro entero escrito en {target}: %n clientes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Replace the book by {name} (%n customer(s), saved {taken})? The current book is kept beside it, so nothing is lost.</source>
            <translation>
                <numerusform>¿Sustituir el libro por {name} (%n cliente, guardado el {taken})? El libro actual se conserva al lado, así que no se pierde nada.</numerusform>
                <numerusform>¿Sustituir el libro por {name} (%n clientes, guardado el {taken})? El libro actual se conserva al lado, así que no se pierde nada.</numerusform>
            </translation>
        </message>
        <message>
            <source>Restored from {name}. The book it replaced is kept as {name2}.</source>
            <translation>Restaurado desde {name}. El libro sustituido se guarda como {name2}.</translation>
        </message>
        <message>
            <source>Restore failed; the book is unchanged. {exc}</source>
            <translation>La restauración ha fallado; el libro no ha cambiado. {exc}</translation>
        </message>
        <message>
            <source>Restoring…</source>
            <translation>Restaurando…</translation>
        </message>
        <message>
            <source>Select a customer first.</source>
            <translation>Seleccione antes un cliente.</translation>
        </message>
        <message>
            <source>Where to save everything about this customer</source>
            <translation>Dónde guardar todo sobre este cliente</translation>
        </message>
        <message>
            <source>Could not write the pack: {exc}</source>
            <translation>No se pudo escribir el paquete: {exc}</translation>
        </message>
        <message>
            <source>Saved {name} and {name2} in {folder}</source>
            <translation>Guardados {name} y {name2} en {folder}</translation>
        </message>
        <message>
            <source>Forget this customer</source>
            <translation>Olvidar este cliente</translation>
        </message>
        <message>
            <source>Erase everything that identifies {name} (#{cid}): names, contact details, notes, the text of interactions and purchases. Counts and totals stay, anonymised. This cannot be undone.</source>
            <translation>Borrar todo lo que identifica a {name} (n.º {cid}): nombres, datos de contacto, notas, el texto de interacciones y compras. Los recuentos y totales se conservan, anonimizados. No se puede deshacer.</translation>
        </message>
        <message>
            <source>Clearing the erased data from the file…</source>
            <translation>Eliminando del archivo los datos borrados…</translation>
        </message>
        <message>
            <source>#{cid} was forgotten.</source>
            <translation>El n.º {cid} se ha olvidado.</translation>
        </message>
        <message>
            <source>Merge into {name}</source>
            <translation>Fusionar con {name}</translation>
        </message>
        <message>
            <source>Merged into {name}. Ctrl+Z to undo.</source>
            <translation>Fusionado con {name}. Ctrl+Z para deshacer.</translation>
        </message>
    </context>
    <context>
        <name>DayList</name>
        <message>
            <source>Follow-ups on {day}</source>
            <translation>Seguimientos del {day}</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Atrasados</translation>
        </message>
    </context>
    <context>
        <name>Help</name>
        <message>
            <source>Window</source>
            <translation>Ventana</translation>
        </message>
        <message>
            <source>No shortcut matches “{text}”.</source>
            <translation>Ningún atajo coincide con «{text}».</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>May</source>
            <translation>Puede</translation>
        </message>
        <message>
            <source>find any customer, log interactions and follow-ups, add customers, record purchases</source>
            <translation>buscar cualquier cliente, registrar interacciones y seguimientos, añadir clientes, registrar compras</translation>
        </message>
        <message>
            <source>public domain</source>
            <translation>dominio público</translation>
        </message>
        <message>
            <source>DejaVu fonts</source>
            <translation>Fuentes DejaVu</translation>
        </message>
        <message>
            <source>Bitstream Vera / DejaVu licence (free)</source>
            <translation>Licencia Bitstream Vera / DejaVu (libre)</translation>
        </message>
        <message>
            <source>Lucide icons</source>
            <translation>Iconos Lucide</translation>
        </message>
        <message>
            <source>ISC (some icons MIT, from Feather)</source>
            <translation>ISC (algunos iconos MIT, de Feather)</translation>
        </message>
    </context>
    <context>
        <name>HelpWindow</name>
        <message>
            <source>crmdesk Help</source>
            <translation>Ayuda de crmdesk</translation>
        </message>
        <message>
            <source>Help text</source>
            <translation>Texto de ayuda</translation>
        </message>
        <message>
            <source>Help topics</source>
            <translation>Temas de ayuda</translation>
        </message>
        <message>
            <source>Find in help (Enter for the next match)</source>
            <translation>Buscar en la ayuda (Intro para el siguiente)</translation>
        </message>
        <message>
            <source>Find in help</source>
            <translation>Buscar en la ayuda</translation>
        </message>
        <message>
            <source>Find result</source>
            <translation>Resultado de la búsqueda</translation>
        </message>
        <message>
            <source>&amp;Find:</source>
            <translation>&amp;Buscar:</translation>
        </message>
        <message>
            <source>Not found</source>
            <translation>No encontrado</translation>
        </message>
    </context>
    <context>
        <name>InteractionLogView</name>
        <message>
            <source>Search subjects, notes and outcomes</source>
            <translation>Buscar asuntos, notas y resultados</translation>
        </message>
        <message>
            <source>Search interactions</source>
            <translation>Buscar interacciones</translation>
        </message>
        <message>
            <source>From date</source>
            <translation>Desde la fecha</translation>
        </message>
        <message>
            <source>From this day (blank: from the beginning)</source>
            <translation>Desde este día (vacío: desde el principio)</translation>
        </message>
        <message>
            <source>To date</source>
            <translation>Hasta la fecha</translation>
        </message>
        <message>
            <source>Up to this day, included (blank: until now)</source>
            <translation>Hasta este día, incluido (vacío: hasta hoy)</translation>
        </message>
        <message>
            <source>Any channel</source>
            <translation>Cualquier canal</translation>
        </message>
        <message>
            <source>Filter by channel</source>
            <translation>Filtrar por canal</translation>
        </message>
        <message>
            <source>In and out</source>
            <translation>Entrantes y salientes</translation>
        </message>
        <message>
            <source>Filter by direction</source>
            <translation>Filtrar por dirección</translation>
        </message>
        <message>
            <source>Filter by staff member</source>
            <translation>Filtrar por persona del equipo</translation>
        </message>
        <message>
            <source>Interactions</source>
            <translation>Interacciones</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Desde</translation>
        </message>
        <message>
            <source>to</source>
            <translation>hasta</translation>
        </message>
        <message>
            <source>Anyone</source>
            <translation>Cualquiera</translation>
        </message>
        <message numerus="yes">
            <source>%n interaction(s)</source>
            <translation>
                <numerusform>%n interacción</numerusform>
                <numerusform>%n interacciones</numerusform>
            </translation>
        </message>
        <message>
            <source>Response times: computing…</source>
            <extracomment>the book changed since this view was last read (it is read when shown)</extracomment>
            <translation>Tiempos de respuesta: calculando…</translation>
        </message>
        <message>
            <source>{name}: {mean} average, {median} median ({answered})</source>
            <translation>{name}: {mean} de media, {median} de mediana ({answered})</translation>
        </message>
        <message>
            <source>Response times — </source>
            <translation>Tiempos de respuesta — </translation>
        </message>
        <message>
            <source>Response times appear once inbound contacts are answered.</source>
            <translation>Los tiempos de respuesta aparecen cuando se contestan los contactos entrantes.</translation>
        </message>
    </context>
    <context>
        <name>InteractionTableModel</name>
        <message>
            <source>When</source>
            <translation>Cuándo</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Canal</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>Dirección</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Personal</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Asunto</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notas</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Knowledge</source>
            <translation>Conocimiento</translation>
        </message>
        <message>
            <source>Acquisition</source>
            <translation>Captación</translation>
        </message>
        <message>
            <source>Conversion</source>
            <translation>Conversión</translation>
        </message>
        <message>
            <source>Growth</source>
            <translation>Crecimiento</translation>
        </message>
        <message>
            <source>Retention</source>
            <translation>Retención</translation>
        </message>
        <message>
            <source>Reactivation</source>
            <translation>Reactivación</translation>
        </message>
        <message>
            <source>Personal assistance</source>
            <translation>Atención personal</translation>
        </message>
        <message>
            <source>Exclusive personal assistance</source>
            <translation>Atención personal exclusiva</translation>
        </message>
        <message>
            <source>Self-service</source>
            <translation>Autoservicio</translation>
        </message>
        <message>
            <source>Automated</source>
            <translation>Automatizada</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>Comunidad</translation>
        </message>
        <message>
            <source>Co-creation</source>
            <translation>Cocreación</translation>
        </message>
        <message>
            <source>No preference</source>
            <translation>Sin preferencia</translation>
        </message>
        <message>
            <source>In person</source>
            <translation>En persona</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Teléfono</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>Correo electrónico</translation>
        </message>
        <message>
            <source>SMS / messaging</source>
            <translation>SMS / mensajería</translation>
        </message>
        <message>
            <source>Video call</source>
            <translation>Videollamada</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Carta</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Correo postal</translation>
        </message>
        <message>
            <source>Chat / instant message</source>
            <translation>Chat / mensaje instantáneo</translation>
        </message>
        <message>
            <source>Social media</source>
            <translation>Redes sociales</translation>
        </message>
        <message>
            <source>Self-service portal</source>
            <translation>Portal de autoservicio</translation>
        </message>
        <message>
            <source>Automated message</source>
            <translation>Mensaje automático</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Inglés</translation>
        </message>
        <message>
            <source>Spanish</source>
            <translation>Español</translation>
        </message>
        <message>
            <source>Formal</source>
            <translation>Formal (usted)</translation>
        </message>
        <message>
            <source>Informal</source>
            <translation>Informal (tú)</translation>
        </message>
        <message>
            <source>Inbound</source>
            <translation>Entrante</translation>
        </message>
        <message>
            <source>Outbound</source>
            <translation>Saliente</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abrir</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelado</translation>
        </message>
        <message>
            <source>Owner / manager</source>
            <translation>Titular / responsable</translation>
        </message>
        <message>
            <source>Executive</source>
            <translation>Ejecutivo/a</translation>
        </message>
        <message>
            <source>Receptionist</source>
            <translation>Recepcionista</translation>
        </message>
        <message>
            <source>executive</source>
            <translation>ejecutivo/a</translation>
        </message>
        <message>
            <source>receptionist</source>
            <translation>recepcionista</translation>
        </message>
        <message>
            <source>manager</source>
            <translation>responsable</translation>
        </message>
        <message>
            <source>My day</source>
            <translation>Mi día</translation>
        </message>
        <message>
            <source>The team's day</source>
            <translation>El día del equipo</translation>
        </message>
        <message>
            <source>Not yet assigned</source>
            <translation>Sin asignar</translation>
        </message>
        <message>
            <source>Best match</source>
            <translation>Mejor coincidencia</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>Empresa</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Etapa</translation>
        </message>
        <message>
            <source>Segment</source>
            <translation>Segmento</translation>
        </message>
        <message>
            <source>Relationship</source>
            <translation>Relación</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Responsable</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Creado</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Actualizado</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Puntos</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Hoy</translation>
        </message>
        <message>
            <source>Tomorrow</source>
            <translation>Mañana</translation>
        </message>
        <message>
            <source>This week</source>
            <translation>Esta semana</translation>
        </message>
        <message>
            <source>Next week</source>
            <translation>La semana que viene</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Mes</translation>
        </message>
        <message>
            <source>home</source>
            <translation>casa</translation>
        </message>
        <message>
            <source>work</source>
            <translation>trabajo</translation>
        </message>
        <message>
            <source>other</source>
            <translation>otro</translation>
        </message>
        <message>
            <source>mobile</source>
            <translation>móvil</translation>
        </message>
        <message>
            <source>postal</source>
            <translation>postal</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>La&amp;nguage</source>
            <extracomment>the languages offered, each in its own language (never translated)</extracomment>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>&amp;System ({language})</source>
            <translation>Del &amp;sistema ({language})</translation>
        </message>
        <message>
            <source>The language of the window (from the next start)</source>
            <translation>El idioma de la ventana (desde el próximo inicio)</translation>
        </message>
        <message>
            <source>The window is already in this language.</source>
            <translation>La ventana ya está en este idioma.</translation>
        </message>
        <message>
            <source>The new language is used from the next start of crmdesk.</source>
            <translation>El nuevo idioma se usa desde el próximo inicio de crmdesk.</translation>
        </message>
    </context>
    <context>
        <name>LifecycleActions</name>
        <message numerus="yes">
            <source>%n customer(s)</source>
            <translation>
                <numerusform>%n cliente</numerusform>
                <numerusform>%n clientes</numerusform>
            </translation>
        </message>
        <message>
            <source>Move {what} to {label}</source>
            <translation>Pasar {what} a {label}</translation>
        </message>
        <message>
            <source>Moved {what} to {label}. Ctrl+Z to undo.</source>
            <translation>{what} pasa a {label}. Ctrl+Z para deshacer.</translation>
        </message>
        <message>
            <source>Suggestion dismissed until the next contact.</source>
            <translation>Sugerencia descartada hasta el próximo contacto.</translation>
        </message>
    </context>
    <context>
        <name>LoyaltyActions</name>
        <message>
            <source>Save the new customer first.</source>
            <translation>Guarde antes el cliente nuevo.</translation>
        </message>
        <message>
            <source>Purchase {money} for {name}</source>
            <translation>Compra de {money} para {name}</translation>
        </message>
        <message numerus="yes">
            <source>Purchase recorded for {name}: +%n point(s). Ctrl+Z to undo.</source>
            <translation>
                <numerusform>Compra registrada para {name}: +%n punto. Ctrl+Z para deshacer.</numerusform>
                <numerusform>Compra registrada para {name}: +%n puntos. Ctrl+Z para deshacer.</numerusform>
            </translation>
        </message>
        <message>
            <source>First purchase</source>
            <translation>Primera compra</translation>
        </message>
        <message>
            <source>This is {name}'s first purchase. Move them to {label}?</source>
            <translation>Es la primera compra de {name}. ¿Pasar a {label}?</translation>
        </message>
        <message numerus="yes">
            <source>%n point(s)</source>
            <translation>
                <numerusform>%n punto</numerusform>
                <numerusform>%n puntos</numerusform>
            </translation>
        </message>
        <message>
            <source>Redeem {what} for {name}</source>
            <translation>Canjear {what} para {name}</translation>
        </message>
        <message>
            <source>Redeemed {what} for {name}. Ctrl+Z to undo.</source>
            <translation>Canjeado {what} para {name}. Ctrl+Z para deshacer.</translation>
        </message>
        <message>
            <source>Bonus</source>
            <translation>Bonificación</translation>
        </message>
        <message>
            <source>Adjustment</source>
            <translation>Ajuste</translation>
        </message>
        <message>
            <source>{kind} of {points} points for {name}</source>
            <translation>{kind} de {points} puntos para {name}</translation>
        </message>
        <message>
            <source>{kind} of {points:+,} points for {name}. Ctrl+Z to undo.</source>
            <translation>{kind} de {points:+,} puntos para {name}. Ctrl+Z para deshacer.</translation>
        </message>
        <message numerus="yes">
            <source>Purchase reversed: %n point(s) taken back.</source>
            <translation>
                <numerusform>Compra anulada: se retira %n punto.</numerusform>
                <numerusform>Compra anulada: se retiran %n puntos.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n statement(s) written to {where}</source>
            <translation>
                <numerusform>%n extracto escrito en {where}</numerusform>
                <numerusform>%n extractos escritos en {where}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Points expired for %n customer(s).</source>
            <translation>
                <numerusform>Puntos caducados de %n cliente.</numerusform>
                <numerusform>Puntos caducados de %n clientes.</numerusform>
            </translation>
        </message>
        <message>
            <source>Save loyalty statement</source>
            <translation>Guardar el extracto de fidelización</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Could not write {target}: {value}</source>
            <translation>No se pudo escribir {target}: {value}</translation>
        </message>
        <message>
            <source>Statement saved: {target}</source>
            <translation>Extracto guardado: {target}</translation>
        </message>
        <message>
            <source>Loyalty programme saved.</source>
            <translation>Programa de fidelización guardado.</translation>
        </message>
    </context>
    <context>
        <name>LoyaltyTab</name>
        <message>
            <source>Points balance</source>
            <translation>Saldo de puntos</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>Nivel</translation>
        </message>
        <message>
            <source>Progress to the next tier</source>
            <translation>Progreso hacia el siguiente nivel</translation>
        </message>
        <message>
            <source>Points to the next tier</source>
            <translation>Puntos para el siguiente nivel</translation>
        </message>
        <message>
            <source>Points expiring soon</source>
            <translation>Puntos que caducan pronto</translation>
        </message>
        <message>
            <source>Lifetime value</source>
            <translation>Valor acumulado</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Puntos</translation>
        </message>
        <message>
            <source>Record &amp;purchase…</source>
            <translation>Registrar &amp;compra…</translation>
        </message>
        <message>
            <source>Record a purchase; it earns points (Ctrl+Shift+B)</source>
            <translation>Registrar una compra; suma puntos (Ctrl+Mayús+B)</translation>
        </message>
        <message>
            <source>&amp;Redeem…</source>
            <translation>Ca&amp;njear…</translation>
        </message>
        <message>
            <source>Spend points on a reward</source>
            <translation>Gastar puntos en una recompensa</translation>
        </message>
        <message>
            <source>Bonus / ad&amp;just…</source>
            <translation>Bonificación / a&amp;juste…</translation>
        </message>
        <message>
            <source>Give bonus points or correct the balance, with a reason</source>
            <translation>Dar puntos extra o corregir el saldo, con un motivo</translation>
        </message>
        <message>
            <source>&amp;Statement…</source>
            <translation>&amp;Extracto…</translation>
        </message>
        <message>
            <source>A PDF loyalty statement for a period (Ctrl+P)</source>
            <translation>Un extracto de fidelización en PDF de un periodo (Ctrl+P)</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Descripción</translation>
        </message>
        <message>
            <source>Balance</source>
            <translation>Saldo</translation>
        </message>
        <message>
            <source>Points ledger</source>
            <translation>Movimientos de puntos</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Importe</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Purchases</source>
            <translation>Compras</translation>
        </message>
        <message>
            <source>Re&amp;verse purchase…</source>
            <translation>Anu&amp;lar compra…</translation>
        </message>
        <message>
            <source>Take back a purchase (returned, cancelled): a new entry, the history stays</source>
            <translation>Anular una compra (devuelta, cancelada): un asiento nuevo, el historial se conserva</translation>
        </message>
        <message>
            <source>Points &amp;ledger</source>
            <translation>&amp;Movimientos de puntos</translation>
        </message>
        <message>
            <source>P&amp;urchases</source>
            <translation>Com&amp;pras</translation>
        </message>
        <message>
            <source>The loyalty account of this client is for their executive and managers.</source>
            <translation>La cuenta de fidelización de esta ficha es para quien la atiende y los responsables.</translation>
        </message>
        <message numerus="yes">
            <source>Tier: {tier} · %n point(s) earned in {window} months</source>
            <translation>
                <numerusform>Nivel: {tier} · %n punto ganado en {window} meses</numerusform>
                <numerusform>Nivel: {tier} · %n puntos ganados en {window} meses</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more point(s) to {next_tier} ({qualifying} of {next_threshold})</source>
            <translation>
                <numerusform>%n punto más para {next_tier} ({qualifying} de {next_threshold})</numerusform>
                <numerusform>%n puntos más para {next_tier} ({qualifying} de {next_threshold})</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n point(s) expire in the next 90 days (first on {day}).</source>
            <translation>
                <numerusform>%n punto caduca en los próximos 90 días (el {day}).</numerusform>
                <numerusform>%n puntos caducan en los próximos 90 días (los primeros el {day}).</numerusform>
            </translation>
        </message>
        <message>
            <source>Reversal</source>
            <translation>Anulación</translation>
        </message>
        <message>
            <source>Reversed</source>
            <translation>Anulada</translation>
        </message>
        <message>
            <source>The programme's highest tier</source>
            <translation>El nivel más alto del programa</translation>
        </message>
        <message>
            <source>Purchase</source>
            <translation>Compra</translation>
        </message>
        <message>
            <source>Bonus</source>
            <translation>Bonificación</translation>
        </message>
        <message>
            <source>Redeemed</source>
            <translation>Canje</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Caducados</translation>
        </message>
        <message>
            <source>Adjustment</source>
            <translation>Ajuste</translation>
        </message>
        <message>
            <source>Select a customer to see their loyalty points.</source>
            <translation>Seleccione un cliente para ver sus puntos de fidelización.</translation>
        </message>
        <message>
            <source>No points expire in the next 90 days.</source>
            <translation>Ningún punto caduca en los próximos 90 días.</translation>
        </message>
        <message numerus="yes">
            <source>Lifetime value {lifetime} · last 12 months {last} · %n purchase(s)</source>
            <translation>
                <numerusform>Valor acumulado {lifetime} · últimos 12 meses {last} · %n compra</numerusform>
                <numerusform>Valor acumulado {lifetime} · últimos 12 meses {last} · %n compras</numerusform>
            </translation>
        </message>
        <message>
            <source> (also {others})</source>
            <translation> (además {others})</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>S&amp;ummary</source>
            <translation>&amp;Resumen</translation>
        </message>
        <message>
            <source>&amp;Profile</source>
            <translation>&amp;Ficha</translation>
        </message>
        <message>
            <source>Ti&amp;meline</source>
            <translation>&amp;Historial</translation>
        </message>
        <message>
            <source>Lo&amp;yalty</source>
            <translation>Fi&amp;delización</translation>
        </message>
        <message>
            <source>Restore selected</source>
            <translation>Restaurar seleccionados</translation>
        </message>
        <message>
            <source>Bring the selected customers back to the customer list</source>
            <translation>Devolver los clientes seleccionados a la lista de clientes</translation>
        </message>
        <message>
            <source>Archived customers stay here, with everything the book knows about them. Restore brings them back to the list.</source>
            <translation>Los clientes archivados se quedan aquí, con todo lo que el libro sabe de ellos. Restaurar los devuelve a la lista.</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>Navegación</translation>
        </message>
        <message>
            <source>Views of the book; saved views sit under Customers</source>
            <translation>Vistas del libro; las vistas guardadas están bajo Clientes</translation>
        </message>
        <message>
            <source>My day</source>
            <translation>Mi día</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>Clientes</translation>
        </message>
        <message>
            <source>Lifecycle board</source>
            <translation>Tablero del ciclo de vida</translation>
        </message>
        <message>
            <source>Interactions</source>
            <translation>Interacciones</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>Papelera</translation>
        </message>
        <message>
            <source>crmdesk is locked.</source>
            <translation>crmdesk está bloqueado.</translation>
        </message>
        <message>
            <source>Locked</source>
            <translation>Bloqueado</translation>
        </message>
        <message>
            <source>Suggested: no interaction for {days} days</source>
            <translation>Sugerido: sin interacción desde hace {days} días</translation>
        </message>
        <message>
            <source>&amp;Undo {t}</source>
            <translation>&amp;Deshacer {t}</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Deshacer</translation>
        </message>
        <message>
            <source>&amp;Redo {t}</source>
            <translation>Re&amp;hacer {t}</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>Re&amp;hacer</translation>
        </message>
        <message>
            <source>Reading the book…</source>
            <extracomment>the first window's largest size: 90 % of a 1920 × 1080 screen (the profile beside the list, My day in columns); a 4K screen gets no wall of empty rows the book's data is read after the first paint, or after this long shown at the latest when (time.time()) the window first painted itself (benchmarks report it)</extracomment>
            <translation>Leyendo el libro…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <source>&amp;Contact</source>
            <translation>&amp;Contacto</translation>
        </message>
        <message>
            <source>&amp;Loyalty</source>
            <translation>&amp;Fidelización</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>A&amp;justes</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ay&amp;uda</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>&amp;Tema</translation>
        </message>
        <message>
            <source>&amp;System</source>
            <translation>Del &amp;sistema</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>&amp;Claro</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>&amp;Oscuro</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Principal</translation>
        </message>
        <message>
            <source>Current user</source>
            <translation>Usuario actual</translation>
        </message>
        <message>
            <source>Who is using crmdesk: interactions you log are yours</source>
            <translation>Quién usa crmdesk: las interacciones que registra son suyas</translation>
        </message>
        <message>
            <source>You: </source>
            <translation>Usted: </translation>
        </message>
        <message>
            <source>Showing saved view “{value}”</source>
            <translation>Vista guardada «{value}»</translation>
        </message>
        <message>
            <source>Saved view: {name}</source>
            <translation>Vista guardada: {name}</translation>
        </message>
        <message>
            <source>My day ({due_count})</source>
            <translation>Mi día ({due_count})</translation>
        </message>
        <message>
            <source>Customers ({total})</source>
            <translation>Clientes ({total})</translation>
        </message>
        <message>
            <source>Trash ({total})</source>
            <translation>Papelera ({total})</translation>
        </message>
        <message>
            <source>Save view</source>
            <translation>Guardar vista</translation>
        </message>
        <message>
            <source>Name for this view:</source>
            <translation>Nombre de esta vista:</translation>
        </message>
        <message>
            <source>Saved view “{value}”</source>
            <translation>Vista «{value}» guardada</translation>
        </message>
        <message>
            <source>Select a saved view in the navigation pane first.</source>
            <translation>Seleccione antes una vista guardada en el panel de navegación.</translation>
        </message>
        <message>
            <source>Deleted saved view “{value}”</source>
            <translation>Vista guardada «{value}» eliminada</translation>
        </message>
        <message>
            <source>Changed: {fields}.</source>
            <translation>Cambios: {fields}.</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Cambios sin guardar</translation>
        </message>
        <message>
            <source>Save your changes to {display_name}?{what}</source>
            <translation>¿Guardar los cambios de {display_name}?{what}</translation>
        </message>
        <message>
            <source>Discard changes</source>
            <translation>Descartar cambios</translation>
        </message>
        <message>
            <source>Discard your unsaved changes?</source>
            <translation>¿Descartar los cambios sin guardar?</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>No guardado</translation>
        </message>
        <message>
            <source>Your changes to {display_name} cannot be saved.

{reason}

Discard them, or Cancel to go back and correct them?</source>
            <translation>Los cambios de {display_name} no se pueden guardar.

{reason}

¿Descartarlos, o Cancelar para volver y corregirlos?</translation>
        </message>
        <message>
            <source>The profile could not be saved.</source>
            <translation>No se pudo guardar la ficha.</translation>
        </message>
        <message>
            <source>New customer: fill in the profile and press Ctrl+S.</source>
            <translation>Cliente nuevo: rellene la ficha y pulse Ctrl+S.</translation>
        </message>
        <message>
            <source>Added {name}</source>
            <translation>Añadido: {name}</translation>
        </message>
        <message>
            <source>Saved {name}</source>
            <translation>Guardado: {name}</translation>
        </message>
        <message>
            <source>Not saved: </source>
            <translation>No guardado: </translation>
        </message>
        <message>
            <source>Changes discarded</source>
            <translation>Cambios descartados</translation>
        </message>
        <message>
            <source>Select the customers to archive first.</source>
            <translation>Seleccione antes los clientes que archivar.</translation>
        </message>
        <message>
            <source>Select the customers to restore first.</source>
            <translation>Seleccione antes los clientes que restaurar.</translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s)</source>
            <translation>
                <numerusform>%n cliente</numerusform>
                <numerusform>%n clientes</numerusform>
            </translation>
        </message>
        <message>
            <source>Archive {what}</source>
            <translation>Archivar {what}</translation>
        </message>
        <message>
            <source>Restore {what}</source>
            <translation>Restaurar {what}</translation>
        </message>
        <message>
            <source>Moved to Trash: {what}. Ctrl+Z to undo.</source>
            <translation>A la Papelera: {what}. Ctrl+Z para deshacer.</translation>
        </message>
        <message>
            <source>Restored: {what}. Ctrl+Z to undo.</source>
            <translation>Restaurado: {what}. Ctrl+Z para deshacer.</translation>
        </message>
        <message>
            <source>Reloaded from the book</source>
            <translation>Releído del libro</translation>
        </message>
        <message>
            <source>Default phone region</source>
            <translation>Región telefónica predeterminada</translation>
        </message>
        <message>
            <source>Two-letter region for numbers typed without +country code (e.g. US, GB, ES):</source>
            <translation>Región de dos letras para los números escritos sin +prefijo del país (p. ej. ES, MX, US):</translation>
        </message>
        <message>
            <source>Phone numbers now default to region {region}</source>
            <translation>Los números de teléfono usan ahora la región {region}</translation>
        </message>
        <message>
            <source>{name}[*] — crmdesk</source>
            <translation>{name}[*] — crmdesk</translation>
        </message>
    </context>
    <context>
        <name>MessageActions</name>
        <message>
            <source>&amp;Write to…</source>
            <translation>Es&amp;cribir a…</translation>
        </message>
        <message>
            <source>Write to the selected customers from a template: e-mail, letter or SMS (Ctrl+Shift+M)</source>
            <translation>Escribir a los clientes seleccionados con una plantilla: correo, carta o SMS (Ctrl+Mayús+M)</translation>
        </message>
        <message>
            <source>Write to Everyone in the Li&amp;st…</source>
            <translation>Escribir a toda la &amp;lista…</translation>
        </message>
        <message>
            <source>Write to every customer the list shows now (its search, filters or saved view)</source>
            <translation>Escribir a todos los clientes que muestra ahora la lista (su búsqueda, filtros o vista guardada)</translation>
        </message>
        <message>
            <source>Print &amp;Brief…</source>
            <translation>Imprimir in&amp;forme…</translation>
        </message>
        <message>
            <source>A one-page brief of the selected customer, before a meeting (Ctrl+Shift+P)</source>
            <translation>Un informe de una página del cliente seleccionado, antes de una reunión (Ctrl+Mayús+P)</translation>
        </message>
        <message>
            <source>Briefs for &amp;Tomorrow's Meetings…</source>
            <translation>Informes de las reuniones de &amp;mañana…</translation>
        </message>
        <message>
            <source>One page for every customer with something due tomorrow, in one PDF</source>
            <translation>Una página por cada cliente con algo pendiente mañana, en un PDF</translation>
        </message>
        <message>
            <source>Message &amp;Templates…</source>
            <translation>Plantillas de &amp;mensajes…</translation>
        </message>
        <message>
            <source>The templates messages start from (managers edit, everyone uses)</source>
            <translation>Las plantillas de los mensajes (las editan responsables, las usa todo el equipo)</translation>
        </message>
        <message>
            <source>&amp;Mail Server…</source>
            <translation>Servidor de c&amp;orreo…</translation>
        </message>
        <message>
            <source>The SMTP server that sends e-mails (the password stays in the system keyring)</source>
            <translation>El servidor SMTP que envía los correos (la contraseña queda en el llavero del sistema)</translation>
        </message>
        <message>
            <source>Select one or more customers first.</source>
            <translation>Seleccione antes uno o más clientes.</translation>
        </message>
        <message>
            <source>The list is empty: nobody to write to.</source>
            <translation>La lista está vacía: no hay a quién escribir.</translation>
        </message>
        <message>
            <source>Save every message in one file</source>
            <translation>Guardar todos los mensajes en un archivo</translation>
        </message>
        <message>
            <source>Folder for the messages (one file per client)</source>
            <translation>Carpeta para los mensajes (un archivo por cliente)</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s) written to {where} and logged.</source>
            <translation>
                <numerusform>%n mensaje escrito en {where} y registrado.</numerusform>
                <numerusform>%n mensajes escritos en {where} y registrados.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Writing %n message(s)…</source>
            <translation>
                <numerusform>Escribiendo %n mensaje…</numerusform>
                <numerusform>Escribiendo %n mensajes…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n brief(s) saved: {target}</source>
            <translation>
                <numerusform>Informe guardado: {target}</numerusform>
                <numerusform>%n informes guardados: {target}</numerusform>
            </translation>
        </message>
        <message>
            <source>Select a customer first.</source>
            <translation>Seleccione antes un cliente.</translation>
        </message>
        <message>
            <source>Nothing is due tomorrow: no briefs to print.</source>
            <translation>No hay nada pendiente para mañana: ningún informe que imprimir.</translation>
        </message>
        <message>
            <source>Save the meeting brief</source>
            <translation>Guardar el informe de la reunión</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Could not write {target}: {value}</source>
            <translation>No se pudo escribir {target}: {value}</translation>
        </message>
    </context>
    <context>
        <name>OfficeSync</name>
        <message>
            <source>Office sync status</source>
            <translation>Estado de la sincronización con la oficina</translation>
        </message>
        <message>
            <source>Changed by someone else</source>
            <translation>Cambiado por otra persona</translation>
        </message>
        <message>
            <source>&amp;Join Office Book…</source>
            <translation>&amp;Unirse al libro de la oficina…</translation>
        </message>
        <message>
            <source>Make a new encrypted book on this computer, filled from your office's hub</source>
            <translation>Crear en este ordenador un libro cifrado nuevo, lleno desde el servidor de la oficina</translation>
        </message>
        <message>
            <source>&amp;Make This an Office Book…</source>
            <translation>Co&amp;nvertir en libro de la oficina…</translation>
        </message>
        <message>
            <source>Share this book with the office through a PostgreSQL hub (managers)</source>
            <translation>Compartir este libro con la oficina a través de un servidor PostgreSQL (responsables)</translation>
        </message>
        <message>
            <source>S&amp;ync Now</source>
            <translation>Sincroni&amp;zar ahora</translation>
        </message>
        <message>
            <source>Send this book's changes to the hub and fetch the others' now</source>
            <translation>Enviar ahora al servidor los cambios de este libro y traer los de los demás</translation>
        </message>
        <message>
            <source>Review Con&amp;flicts…</source>
            <translation>Revisar &amp;conflictos…</translation>
        </message>
        <message>
            <source>Edits made at the same time on two devices, and writes the hub refused</source>
            <translation>Cambios hechos a la vez en dos equipos, y escrituras que el servidor rechazó</translation>
        </message>
        <message>
            <source>&amp;Office Book…</source>
            <translation>Libro de la oficin&amp;a…</translation>
        </message>
        <message>
            <source>The hub address and this device's name</source>
            <translation>La dirección del servidor y el nombre de este equipo</translation>
        </message>
        <message>
            <source>Hub &amp;Password…</source>
            <translation>Contraseña del &amp;servidor…</translation>
        </message>
        <message>
            <source>Type your hub password for this session</source>
            <translation>Escribir su contraseña del servidor para esta sesión</translation>
        </message>
        <message>
            <source>This book is already an office book</source>
            <translation>Este libro ya es un libro de la oficina</translation>
        </message>
        <message>
            <source>Share this book with the office through a PostgreSQL hub</source>
            <translation>Compartir este libro con la oficina a través de un servidor PostgreSQL</translation>
        </message>
        <message>
            <source>Only a manager may make this an office book</source>
            <translation>Solo un responsable puede convertirlo en libro de la oficina</translation>
        </message>
        <message>
            <source>Syncing with the hub…</source>
            <translation>Sincronizando con el servidor de la oficina…</translation>
        </message>
        <message numerus="yes">
            <source>%n new conflict(s) to review: click “{button}”.</source>
            <translation>
                <numerusform>%n conflicto nuevo que revisar: clic en «{button}».</numerusform>
                <numerusform>%n conflictos nuevos que revisar: clic en «{button}».</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) from the office.</source>
            <translation>
                <numerusform>%n cambio de la oficina.</numerusform>
                <numerusform>%n cambios de la oficina.</numerusform>
            </translation>
        </message>
        <message>
            <source>Click to review conflicts.</source>
            <translation>Clic para revisar los conflictos.</translation>
        </message>
        <message>
            <source>Trying again in {seconds} s (F9: now).</source>
            <translation>Nuevo intento en {seconds} s (F9: ahora).</translation>
        </message>
        <message>
            <source>The hub cannot be reached.</source>
            <translation>No se puede conectar con el servidor de la oficina.</translation>
        </message>
        <message>
            <source>The book keeps working; changes wait here and are sent when the hub is back.</source>
            <translation>El libro sigue funcionando; los cambios esperan aquí y se envían cuando vuelva el servidor.</translation>
        </message>
        <message>
            <source>Connected to the hub as {login}.</source>
            <translation>Conexión con el servidor de la oficina como {login}.</translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) from the hub wait here, not stored yet: their customer has not arrived, or this book cannot store them as they are. Each sync tries them again.</source>
            <translation>
                <numerusform>%n registro del servidor de la oficina espera aquí, aún sin guardar: su cliente no ha llegado todavía, o este libro no puede guardarlo tal como está. Cada sincronización lo intenta de nuevo.</numerusform>
                <numerusform>%n registros del servidor de la oficina esperan aquí, aún sin guardar: su cliente no ha llegado todavía, o este libro no puede guardarlos tal como están. Cada sincronización los intenta de nuevo.</numerusform>
            </translation>
        </message>
        <message>
            <source>Someone else changed this profile while you were editing it: their {names} {value} shown; your unsaved changes are kept. Save to keep yours.</source>
            <translation>Otra persona cambió esta ficha mientras la editaba: se muestra su {names} {value}; sus cambios sin guardar se conservan. Guarde para mantener los suyos.</translation>
        </message>
        <message>
            <source>Hub password</source>
            <translation>Contraseña del servidor</translation>
        </message>
        <message>
            <source>Hub password for {value}:</source>
            <translation>Contraseña del servidor para {value}:</translation>
        </message>
        <message>
            <source>Office book settings saved.</source>
            <translation>Ajustes del libro de la oficina guardados.</translation>
        </message>
        <message>
            <source>Only a manager may make this an office book.</source>
            <translation>Solo un responsable puede convertirlo en libro de la oficina.</translation>
        </message>
    </context>
    <context>
        <name>ProfileEditor</name>
        <message>
            <source>How letters and statements will address this person</source>
            <extracomment>the customer shown changed (their id, or None for an empty or new profile)</extracomment>
            <translation>Cómo se dirigirán a esta persona las cartas y los extractos</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Foto</translation>
        </message>
        <message>
            <source>The picture from the customer's address book card</source>
            <translation>La imagen de la tarjeta de contacto del cliente</translation>
        </message>
        <message>
            <source>Given name</source>
            <extracomment>the profile's fields in the order of the form, with the label a person reads there</extracomment>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Apellidos</translation>
        </message>
        <message>
            <source>Preferred name</source>
            <translation>Nombre preferido</translation>
        </message>
        <message>
            <source>What they like to be called</source>
            <translation>Cómo le gusta que le llamen</translation>
        </message>
        <message>
            <source>Salutation</source>
            <translation>Tratamiento</translation>
        </message>
        <message>
            <source>Form of address</source>
            <translation>Trato</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>Cumpleaños</translation>
        </message>
        <message>
            <source>Preferred language</source>
            <translation>Idioma preferido</translation>
        </message>
        <message>
            <source>Preferred channel</source>
            <translation>Canal preferido</translation>
        </message>
        <message>
            <source>Best time to contact</source>
            <translation>Mejor momento para contactar</translation>
        </message>
        <message>
            <source>e.g. weekday mornings</source>
            <translation>p. ej. mañanas entre semana</translation>
        </message>
        <message>
            <source>Lifecycle stage</source>
            <translation>Etapa del ciclo de vida</translation>
        </message>
        <message>
            <source>Segment</source>
            <translation>Segmento</translation>
        </message>
        <message>
            <source>Relationship type</source>
            <translation>Tipo de relación</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Responsable</translation>
        </message>
        <message>
            <source>The staff member who looks after this client</source>
            <translation>La persona del equipo que atiende a este cliente</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Etiquetas</translation>
        </message>
        <message>
            <source>Comma-separated, e.g. golf, wine</source>
            <translation>Separadas por comas, p. ej. golf, vino</translation>
        </message>
        <message>
            <source>Occupation</source>
            <translation>Profesión</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>Empresa</translation>
        </message>
        <message>
            <source>This client is an organisation (a company)</source>
            <translation>Este cliente es una organización (una empresa)</translation>
        </message>
        <message>
            <source>Client is an organisation</source>
            <translation>El cliente es una organización</translation>
        </message>
        <message>
            <source>A company client: its name is the given name; people can be its contact persons</source>
            <translation>Un cliente empresa: su nombre va en Nombre; otras personas pueden ser sus contactos</translation>
        </message>
        <message>
            <source>Works for</source>
            <translation>Trabaja para</translation>
        </message>
        <message>
            <source>The organisation client this person is a contact person of</source>
            <translation>La organización cliente de la que esta persona es contacto</translation>
        </message>
        <message>
            <source>Contact persons</source>
            <translation>Personas de contacto</translation>
        </message>
        <message>
            <source>Life situation</source>
            <translation>Situación personal</translation>
        </message>
        <message>
            <source>Family, life events…</source>
            <translation>Familia, acontecimientos…</translation>
        </message>
        <message>
            <source>Interests and tastes</source>
            <translation>Intereses y gustos</translation>
        </message>
        <message>
            <source>Hobbies, likes, dislikes…</source>
            <translation>Aficiones, gustos, lo que no le gusta…</translation>
        </message>
        <message>
            <source>Problems and needs</source>
            <translation>Problemas y necesidades</translation>
        </message>
        <message>
            <source>What they worry about or want solved…</source>
            <translation>Lo que le preocupa o quiere resolver…</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notas</translation>
        </message>
        <message>
            <source>Anything else worth remembering</source>
            <translation>Cualquier otra cosa que recordar</translation>
        </message>
        <message>
            <source>Private</source>
            <translation>Privadas</translation>
        </message>
        <message>
            <source>Notes are private</source>
            <translation>Las notas son privadas</translation>
        </message>
        <message>
            <source>Only managers and the executive who looks after this client read notes marked private</source>
            <translation>Solo los responsables y quien atiende a este cliente leen las notas privadas</translation>
        </message>
        <message>
            <source>What you may see of this customer</source>
            <translation>Lo que usted puede ver de este cliente</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Persona</translation>
        </message>
        <message>
            <source>&amp;Given name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <source>&amp;Family name</source>
            <translation>&amp;Apellidos</translation>
        </message>
        <message>
            <source>&amp;Preferred name</source>
            <translation>Nombre &amp;preferido</translation>
        </message>
        <message>
            <source>&amp;Birthday</source>
            <translation>&amp;Cumpleaños</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contacto</translation>
        </message>
        <message>
            <source>E-mails</source>
            <translation>Correos</translation>
        </message>
        <message>
            <source>Phones</source>
            <translation>Teléfonos</translation>
        </message>
        <message>
            <source>Addresses</source>
            <translation>Direcciones</translation>
        </message>
        <message>
            <source>Best time</source>
            <translation>Mejor momento</translation>
        </message>
        <message>
            <source>Relationship</source>
            <translation>Relación</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Etapa</translation>
        </message>
        <message>
            <source>&amp;Tags</source>
            <translation>&amp;Etiquetas</translation>
        </message>
        <message>
            <source>About the client</source>
            <translation>Sobre el cliente</translation>
        </message>
        <message>
            <source>Interests, tastes</source>
            <translation>Intereses, gustos</translation>
        </message>
        <message>
            <source>Problems, needs</source>
            <translation>Problemas, necesidades</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organización</translation>
        </message>
        <message>
            <source>&amp;Notes</source>
            <translation>N&amp;otas</translation>
        </message>
        <message>
            <source>Marketing consent</source>
            <translation>Consentimiento publicitario</translation>
        </message>
        <message>
            <source>Tick a channel when the client agrees to marketing on it</source>
            <translation>Marcar un canal cuando el cliente acepta recibir publicidad por él</translation>
        </message>
        <message>
            <source>Consent: {label}</source>
            <translation>Consentimiento: {label}</translation>
        </message>
        <message>
            <source>Consent date: {label}</source>
            <translation>Fecha del consentimiento: {label}</translation>
        </message>
        <message>
            <source>The date the consent was given</source>
            <translation>La fecha en que se dio el consentimiento</translation>
        </message>
        <message>
            <source>Revert</source>
            <translation>Revertir</translation>
        </message>
        <message>
            <source>Discard unsaved changes (Esc)</source>
            <translation>Descartar los cambios sin guardar (Esc)</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Guardar</translation>
        </message>
        <message>
            <source>Save this profile (Ctrl+S)</source>
            <translation>Guardar esta ficha (Ctrl+S)</translation>
        </message>
        <message>
            <source>Select a customer in the list, or press Ctrl+N to add one.</source>
            <translation>Seleccione un cliente de la lista, o pulse Ctrl+N para añadir uno.</translation>
        </message>
        <message>
            <source>Only managers and the executive who looks after this client may change this</source>
            <translation>Solo los responsables y quien atiende a este cliente pueden cambiar esto</translation>
        </message>
        <message>
            <source>Private notes: not shown to you</source>
            <translation>Notas privadas: no se le muestran</translation>
        </message>
        <message>
            <source>Exclusive client of {owner}. You see their name and how to reach them; the rest of the profile is for {owner} and managers.</source>
            <translation>En exclusiva de {owner}. Usted ve su nombre y cómo contactar; el resto de la ficha es para {owner} y los responsables.</translation>
        </message>
        <message>
            <source>The notes about this client are private: {owner} and managers read them.</source>
            <translation>Las notas de este cliente son privadas: las leen {owner} y los responsables.</translation>
        </message>
        <message>
            <source>(no organisation)</source>
            <translation>(ninguna organización)</translation>
        </message>
        <message>
            <source>(none yet)</source>
            <translation>(ninguna todavía)</translation>
        </message>
        <message>
            <source>New customer</source>
            <translation>Cliente nuevo</translation>
        </message>
        <message>
            <source>Not saved yet</source>
            <translation>Aún sin guardar</translation>
        </message>
        <message>
            <source>Customer #{id}</source>
            <translation>Cliente n.º {id}</translation>
        </message>
        <message>
            <source>added {day}</source>
            <translation>alta el {day}</translation>
        </message>
        <message>
            <source>updated {stamp}</source>
            <translation>modificado el {stamp}</translation>
        </message>
        <message>
            <source>in Trash since {day}</source>
            <translation>en la Papelera desde el {day}</translation>
        </message>
        <message>
            <source>Not saved. </source>
            <translation>No guardado. </translation>
        </message>
    </context>
    <context>
        <name>ReminderBanner</name>
        <message>
            <source>Reminder</source>
            <translation>Recordatorio</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abrir</translation>
        </message>
        <message>
            <source>Open the client's summary</source>
            <translation>Abrir el resumen del cliente</translation>
        </message>
        <message>
            <source>Snooze {SNOOZE_MINUTES} min</source>
            <translation>Posponer {SNOOZE_MINUTES} min</translation>
        </message>
        <message>
            <source>Remind me again in a few minutes</source>
            <translation>Volver a recordar dentro de unos minutos</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
        <message>
            <source>The promise is kept: mark it done (Ctrl+Z undoes)</source>
            <translation>La promesa se ha cumplido: marcarla como hecha (Ctrl+Z deshace)</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Después</translation>
        </message>
        <message>
            <source>Hide this reminder (the promise stays in My day)</source>
            <translation>Ocultar este recordatorio (la promesa sigue en Mi día)</translation>
        </message>
        <message>
            <source>Promise due in {minutes} min ({time}): {what} — {customer}</source>
            <translation>Promesa dentro de {minutes} min ({time}): {what} — {customer}</translation>
        </message>
        <message>
            <source>Missed while crmdesk was closed, due {when}: {what} — {customer}</source>
            <translation>Vencida con crmdesk cerrado, para el {when}: {what} — {customer}</translation>
        </message>
        <message>
            <source>Promise overdue since {time}: {what} — {customer}</source>
            <translation>Promesa atrasada desde las {time}: {what} — {customer}</translation>
        </message>
        <message>
            <source>+{value} more</source>
            <translation>+{value} más</translation>
        </message>
    </context>
    <context>
        <name>Reminders</name>
        <message>
            <source>Snoozed: {what} — reminded again at {value:%H:%M}</source>
            <translation>Pospuesto: {what} — se recordará a las {value:%H:%M}</translation>
        </message>
        <message>
            <source>Reminders</source>
            <translation>Recordatorios</translation>
        </message>
        <message>
            <source>Remind me of a promise this many minutes before it is due (0: only when it is due):</source>
            <translation>Recordar una promesa estos minutos antes de su hora (0: solo a su hora):</translation>
        </message>
        <message>
            <source>Reminders {minutes} minutes before a promise is due</source>
            <translation>Recordatorios {minutes} minutos antes de cada promesa</translation>
        </message>
        <message>
            <source>R&amp;eminders…</source>
            <translation>&amp;Recordatorios…</translation>
        </message>
        <message>
            <source>How many minutes before a promise is due to remind you</source>
            <translation>Cuántos minutos antes de una promesa avisar</translation>
        </message>
    </context>
    <context>
        <name>ScopeBar</name>
        <message>
            <source>Period {value}</source>
            <translation>Periodo {value}</translation>
        </message>
        <message>
            <source>{name}: the period's {value} day (included)</source>
            <translation>{name}: día {value} del periodo (incluido)</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Responsable</translation>
        </message>
        <message>
            <source>Only the customers this staff member looks after</source>
            <translation>Solo los clientes que atiende esta persona</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Stop computing</source>
            <translation>Detener el cálculo</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Desde</translation>
        </message>
        <message>
            <source>to</source>
            <translation>hasta</translation>
        </message>
        <message>
            <source>Everyone</source>
            <translation>Todo el equipo</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsOverlay</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>Atajos de teclado</translation>
        </message>
        <message>
            <source>Type to filter: a key or what it does</source>
            <translation>Escribir para filtrar: una tecla o lo que hace</translation>
        </message>
        <message>
            <source>Filter shortcuts</source>
            <translation>Filtrar atajos</translation>
        </message>
        <message>
            <source>Shortcuts</source>
            <translation>Atajos</translation>
        </message>
    </context>
    <context>
        <name>StaffDialog</name>
        <message>
            <source>Staff members</source>
            <translation>Personal</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rol</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Activo</translation>
        </message>
        <message>
            <source>Signs in</source>
            <translation>Inicia sesión</translation>
        </message>
        <message>
            <source>New staff member's name</source>
            <translation>Nombre de la nueva persona</translation>
        </message>
        <message>
            <source>Role of the new staff member</source>
            <translation>Rol de la nueva persona</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Añadir</translation>
        </message>
        <message>
            <source>Add this person to the list (Enter)</source>
            <translation>Añadir a esta persona a la lista (Intro)</translation>
        </message>
        <message>
            <source>Set &amp;Password…</source>
            <translation>Poner &amp;contraseña…</translation>
        </message>
        <message>
            <source>Let the selected person sign in with a password (the first one goes to a manager)</source>
            <translation>Permitir que la persona seleccionada inicie sesión con contraseña (la primera, para un responsable)</translation>
        </message>
        <message>
            <source>Set P&amp;IN…</source>
            <translation>Poner P&amp;IN…</translation>
        </message>
        <message>
            <source>A short PIN that unlocks the window for them</source>
            <translation>Un PIN corto con el que desbloquea la ventana</translation>
        </message>
        <message>
            <source>&amp;Remove Password</source>
            <translation>&amp;Quitar contraseña</translation>
        </message>
        <message>
            <source>The selected person can no longer sign in</source>
            <translation>La persona seleccionada ya no puede iniciar sesión</translation>
        </message>
        <message>
            <source>Owners of customers, assignees of follow-ups and authors of interactions. Untick Active for someone who left. Once someone has a password, everyone signs in and sees what their role allows.</source>
            <translation>Responsables de clientes, asignados de seguimientos y autores de interacciones. Desmarcar Activo para quien ya no está. En cuanto alguien tiene contraseña, todo el equipo inicia sesión y ve lo que su rol permite.</translation>
        </message>
        <message>
            <source>Type the new staff member's name first.</source>
            <translation>Escriba antes el nombre de la nueva persona.</translation>
        </message>
        <message>
            <source>Select a staff member first.</source>
            <translation>Seleccione antes a una persona del equipo.</translation>
        </message>
    </context>
    <context>
        <name>StagesDialog</name>
        <message>
            <source>Lifecycle stages</source>
            <translation>Etapas del ciclo de vida</translation>
        </message>
        <message>
            <source>Stages</source>
            <translation>Etapas</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Subir</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Bajar</translation>
        </message>
        <message>
            <source> days</source>
            <translation> días</translation>
        </message>
        <message>
            <source>Propose Reactivation after</source>
            <translation>Proponer Reactivación tras</translation>
        </message>
        <message>
            <source>Customers with no interaction for this long are proposed for Reactivation on the board</source>
            <translation>Los clientes sin interacción durante este tiempo se proponen para Reactivación en el tablero</translation>
        </message>
        <message>
            <source>Double-click (or F2) a stage to rename it; the order is the board's, left to right.</source>
            <translation>Doble clic (o F2) en una etapa para renombrarla; el orden es el del tablero, de izquierda a derecha.</translation>
        </message>
    </context>
    <context>
        <name>SummaryView</name>
        <message>
            <source>{day} {date} {time}</source>
            <translation>{day} {date} {time}</translation>
        </message>
        <message>
            <source>Photo or initials</source>
            <extracomment>a section's Edit (or a double-click on it): "person", "about", "relationship", "loyalty", "follow_ups" or "contacts"</extracomment>
            <translation>Foto o iniciales</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>How to address them</source>
            <translation>Cómo dirigirse a esta persona</translation>
        </message>
        <message>
            <source>How they like to be contacted</source>
            <translation>Cómo prefiere que le contacten</translation>
        </message>
        <message>
            <source>What you may see</source>
            <translation>Lo que usted puede ver</translation>
        </message>
        <message>
            <source>Timeline…</source>
            <translation>Historial…</translation>
        </message>
        <message>
            <source>Loyalty…</source>
            <translation>Fidelización…</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Editar</translation>
        </message>
        <message>
            <source>{title}: open it to change it (or double-click the section)</source>
            <translation>{title}: abrir para cambiarlo (o doble clic en la sección)</translation>
        </message>
        <message>
            <source>Edit: {title}</source>
            <translation>Editar: {title}</translation>
        </message>
        <message>
            <source>Select a customer in the list to see them at a glance.</source>
            <translation>Seleccione un cliente de la lista para verlo de un vistazo.</translation>
        </message>
        <message>
            <source> · likes to be called {preferred_name}</source>
            <translation> · prefiere que le llamen {preferred_name}</translation>
        </message>
        <message>
            <source>Contact: {how}</source>
            <translation>Contacto: {how}</translation>
        </message>
        <message>
            <source>no preference recorded</source>
            <translation>sin preferencia anotada</translation>
        </message>
        <message>
            <source>{relationship}, looked after by nobody yet</source>
            <translation>{relationship}; todavía sin responsable</translation>
        </message>
        <message>
            <source>E-mail: {addresses}</source>
            <translation>Correo: {addresses}</translation>
        </message>
        <message>
            <source>Phone: {numbers}</source>
            <translation>Teléfono: {numbers}</translation>
        </message>
        <message>
            <source>Agreed to marketing by: {channels}</source>
            <translation>Acepta publicidad por: {channels}</translation>
        </message>
        <message>
            <source>Birthday today: turns {age}</source>
            <translation>Cumpleaños hoy: cumple {age}</translation>
        </message>
        <message>
            <source>Birthday tomorrow: turns {age}</source>
            <translation>Cumpleaños mañana: cumple {age}</translation>
        </message>
        <message numerus="yes">
            <source>Birthday on {day} (in %n day(s)): turns {age}</source>
            <translation>
                <numerusform>Cumpleaños el {day} (dentro de %n día): cumple {age}</numerusform>
                <numerusform>Cumpleaños el {day} (dentro de %n días): cumple {age}</numerusform>
            </translation>
        </message>
        <message>
            <source>Birthday: {day}</source>
            <translation>Cumpleaños: {day}</translation>
        </message>
        <message>
            <source>No e-mail or phone yet.</source>
            <translation>Aún sin correo ni teléfono.</translation>
        </message>
        <message numerus="yes">
            <source>{tier}, %n point(s)</source>
            <translation>
                <numerusform>{tier}, %n punto</numerusform>
                <numerusform>{tier}, %n puntos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more for {tier}</source>
            <translation>
                <numerusform>%n más para {tier}</numerusform>
                <numerusform>%n más para {tier}</numerusform>
            </translation>
        </message>
        <message>
            <source>Lifetime value: {money}</source>
            <translation>Valor acumulado: {money}</translation>
        </message>
        <message>
            <source>Can redeem now: {rewards}</source>
            <translation>Puede canjear ya: {rewards}</translation>
        </message>
        <message numerus="yes">
            <source>{reward} (%n point(s))</source>
            <translation>
                <numerusform>{reward} (%n punto)</numerusform>
                <numerusform>{reward} (%n puntos)</numerusform>
            </translation>
        </message>
        <message>
            <source>Not enough points for a reward yet</source>
            <translation>Aún sin puntos suficientes para una recompensa</translation>
        </message>
        <message>
            <source>Nothing promised or pending.</source>
            <translation>Nada prometido ni pendiente.</translation>
        </message>
        <message>
            <source>★ Promise due {when} — OVERDUE: {what}</source>
            <translation>★ Promesa para el {when} — ATRASADA: {what}</translation>
        </message>
        <message>
            <source>★ Promise due {when}: {what}</source>
            <translation>★ Promesa para el {when}: {what}</translation>
        </message>
        <message>
            <source>Follow-up due {when} — OVERDUE: {what}</source>
            <translation>Seguimiento para el {when} — ATRASADO: {what}</translation>
        </message>
        <message>
            <source>Follow-up due {when}: {what}</source>
            <translation>Seguimiento para el {when}: {what}</translation>
        </message>
        <message>
            <source>No contact recorded yet.</source>
            <translation>Aún no hay contactos registrados.</translation>
        </message>
        <message numerus="yes">
            <source>%n inbound contact(s) not answered yet</source>
            <translation>
                <numerusform>%n contacto entrante aún sin contestar</numerusform>
                <numerusform>%n contactos entrantes aún sin contestar</numerusform>
            </translation>
        </message>
        <message>
            <source>Every inbound contact answered</source>
            <translation>Todos los contactos entrantes contestados</translation>
        </message>
        <message>
            <source>Name and contact only: this is someone else's exclusive client.</source>
            <translation>Solo nombre y contacto: esta ficha es en exclusiva de otra persona.</translation>
        </message>
        <message>
            <source>Open promises and follow-ups</source>
            <extracomment>the sections and what Edit opens for each</extracomment>
            <translation>Promesas y seguimientos abiertos</translation>
        </message>
        <message>
            <source>Last contacts</source>
            <translation>Últimos contactos</translation>
        </message>
        <message>
            <source>About the person</source>
            <translation>Sobre la persona</translation>
        </message>
        <message>
            <source>Relationship</source>
            <translation>Relación</translation>
        </message>
        <message>
            <source>Loyalty</source>
            <translation>Fidelización</translation>
        </message>
        <message>
            <source>How to address and reach them</source>
            <translation>Cómo dirigirse y contactar</translation>
        </message>
        <message>
            <source>Life situation: {text}</source>
            <translation>Situación personal: {text}</translation>
        </message>
        <message>
            <source>Interests and tastes: {text}</source>
            <translation>Intereses y gustos: {text}</translation>
        </message>
        <message>
            <source>Problems and needs: {text}</source>
            <translation>Problemas y necesidades: {text}</translation>
        </message>
        <message>
            <source>Occupation: {text}</source>
            <translation>Profesión: {text}</translation>
        </message>
        <message>
            <source>Notes: {text}</source>
            <translation>Notas: {text}</translation>
        </message>
        <message>
            <source>Nothing written yet: Edit to add what you learn.</source>
            <translation>Aún no hay nada escrito: Editar para añadir lo que sepa.</translation>
        </message>
        <message>
            <source>{relationship}, looked after by {owner}</source>
            <translation>{relationship}; responsable: {owner}</translation>
        </message>
        <message numerus="yes">
            <source>Stage: {stage}, for %n day(s)</source>
            <translation>
                <numerusform>Etapa: {stage}, desde hace %n día</numerusform>
                <numerusform>Etapa: {stage}, desde hace %n días</numerusform>
            </translation>
        </message>
        <message>
            <source>Segment: {segment}</source>
            <translation>Segmento: {segment}</translation>
        </message>
        <message>
            <source>Tags: {tags}</source>
            <translation>Etiquetas: {tags}</translation>
        </message>
        <message>
            <source>The picture from the customer's address book card</source>
            <translation>La imagen de la tarjeta de contacto del cliente</translation>
        </message>
        <message>
            <source>No picture: the customer's initials</source>
            <translation>Sin imagen: las iniciales del cliente</translation>
        </message>
        <message>
            <source>Photo or initials: {initials}</source>
            <translation>Foto o iniciales: {initials}</translation>
        </message>
    </context>
    <context>
        <name>TimelineModel</name>
        <message>
            <source>When (due)</source>
            <translation>Cuándo (para)</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Qué pasó</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Personal</translation>
        </message>
    </context>
    <context>
        <name>TimelineView</name>
        <message>
            <source>Everything</source>
            <translation>Todo</translation>
        </message>
        <message>
            <source>Show kind</source>
            <translation>Mostrar tipo</translation>
        </message>
        <message>
            <source>Any channel</source>
            <translation>Cualquier canal</translation>
        </message>
        <message>
            <source>Show channel</source>
            <translation>Mostrar canal</translation>
        </message>
        <message>
            <source>Log interaction…</source>
            <translation>Registrar interacción…</translation>
        </message>
        <message>
            <source>Record a call, visit, e-mail… with this customer (Ctrl+I)</source>
            <translation>Registrar una llamada, visita, correo… con este cliente (Ctrl+I)</translation>
        </message>
        <message>
            <source>Add follow-up…</source>
            <translation>Añadir seguimiento…</translation>
        </message>
        <message>
            <source>Something to do for this customer, or a promise made</source>
            <translation>Algo que hacer por este cliente, o una promesa hecha</translation>
        </message>
        <message>
            <source>Mark done</source>
            <translation>Marcar como hecho</translation>
        </message>
        <message>
            <source>Mark the selected follow-up as done</source>
            <translation>Marcar como hecho el seguimiento seleccionado</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Historial</translation>
        </message>
        <message>
            <source>The selected entry in full</source>
            <translation>La entrada seleccionada completa</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Mostrar</translation>
        </message>
        <message>
            <source>Select a customer to see their timeline.</source>
            <translation>Seleccione un cliente para ver su historial.</translation>
        </message>
        <message numerus="yes">
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n entrada</numerusform>
                <numerusform>%n entradas</numerusform>
            </translation>
        </message>
        <message>
            <source>{name}: {entries}</source>
            <translation>{name}: {entries}</translation>
        </message>
        <message>
            <source>we answer in {mean} on average (median {median})</source>
            <translation>respondemos en {mean} de media (mediana {median})</translation>
        </message>
        <message numerus="yes">
            <source>%n inbound contact(s) not answered yet</source>
            <translation>
                <numerusform>%n contacto entrante aún sin contestar</numerusform>
                <numerusform>%n contactos entrantes aún sin contestar</numerusform>
            </translation>
        </message>
        <message>
            <source>{stage} {days} d</source>
            <translation>{stage} {days} d</translation>
        </message>
        <message numerus="yes">
            <source>In {stage} for %n day(s)</source>
            <translation>
                <numerusform>En {stage} desde hace %n día</numerusform>
                <numerusform>En {stage} desde hace %n días</numerusform>
            </translation>
        </message>
        <message>
            <source>(time in stage: {path})</source>
            <translation>(tiempo por etapa: {path})</translation>
        </message>
    </context>
    <context>
        <name>TodayView</name>
        <message>
            <source>Whose day</source>
            <extracomment>who "my" is (the main window gives the person signed in or chosen under You:) the clock (tests inject one)</extracomment>
            <translation>El día de quién</translation>
        </message>
        <message>
            <source>My day: follow-ups assigned to me and my clients' ones nobody took; the team's day: everyone's; not yet assigned: the hand-over queue</source>
            <translation>Mi día: seguimientos asignados a mí y los de mis clientes sin asignar; el día del equipo: los de todos; sin asignar: la cola por repartir</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Para</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Qué</translation>
        </message>
        <message>
            <source>Assigned to</source>
            <translation>Asignado a</translation>
        </message>
        <message>
            <source>Follow-ups due today and overdue</source>
            <translation>Seguimientos de hoy y atrasados</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Hora</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Canal</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Asunto</translation>
        </message>
        <message>
            <source>With</source>
            <translation>Con</translation>
        </message>
        <message>
            <source>Meetings today</source>
            <translation>Reuniones de hoy</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Día</translation>
        </message>
        <message>
            <source>Turns</source>
            <translation>Cumple</translation>
        </message>
        <message>
            <source>Birthdays this week</source>
            <translation>Cumpleaños de esta semana</translation>
        </message>
        <message>
            <source>Segment</source>
            <translation>Segmento</translation>
        </message>
        <message>
            <source>Last contact</source>
            <translation>Último contacto</translation>
        </message>
        <message>
            <source>Quiet for</source>
            <translation>Sin contacto desde hace</translation>
        </message>
        <message>
            <source>Customers gone quiet</source>
            <translation>Clientes sin contacto</translation>
        </message>
        <message>
            <source>Mark done</source>
            <translation>Marcar como hecho</translation>
        </message>
        <message>
            <source>Mark the selected follow-up as done (Ctrl+Z undoes)</source>
            <translation>Marcar como hecho el seguimiento seleccionado (Ctrl+Z deshace)</translation>
        </message>
        <message>
            <source>Log a call…</source>
            <translation>Registrar llamada…</translation>
        </message>
        <message>
            <source>Log a call with the selected quiet customer</source>
            <translation>Registrar una llamada con el cliente sin contacto seleccionado</translation>
        </message>
        <message>
            <source>Follow-ups due (★ promises first)</source>
            <translation>Seguimientos pendientes (★ primero las promesas)</translation>
        </message>
        <message>
            <source>In-person and video contacts logged today</source>
            <translation>Contactos en persona y por vídeo registrados hoy</translation>
        </message>
        <message>
            <source>Birthdays</source>
            <translation>Cumpleaños</translation>
        </message>
        <message>
            <source>Birthdays today and in the next 7 days</source>
            <translation>Cumpleaños de hoy y de los próximos 7 días</translation>
        </message>
        <message>
            <source>Gone quiet</source>
            <translation>Sin contacto</translation>
        </message>
        <message>
            <source>No interaction for longer than their segment's contact cadence (Settings ▸ Contact Cadence)</source>
            <translation>Sin interacción durante más tiempo que la frecuencia de su segmento (Ajustes ▸ Frecuencia de contacto)</translation>
        </message>
        <message>
            <source>Nothing to do today</source>
            <translation>Nada que hacer hoy</translation>
        </message>
        <message>
            <source>Log a call or visit…  (Ctrl+L)</source>
            <translation>Registrar llamada o visita…  (Ctrl+L)</translation>
        </message>
        <message>
            <source>Quick capture: type a name, pick the client or create a new prospect, write what was said</source>
            <translation>Registro rápido: escribir un nombre, elegir el cliente o crear un posible cliente, anotar lo hablado</translation>
        </message>
        <message>
            <source>Import contacts…  (Ctrl+Shift+I)</source>
            <translation>Importar contactos…  (Ctrl+Mayús+I)</translation>
        </message>
        <message>
            <source>Bring in contacts from a phone, Outlook, Gmail or a spreadsheet (vCard or CSV)</source>
            <translation>Traer contactos de un teléfono, Outlook, Gmail o una hoja de cálculo (vCard o CSV)</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>Mostrar:</translation>
        </message>
        <message>
            <source>{name}'s day</source>
            <extracomment>from this width on, the follow-ups take the left and the rest stand in a column rows shown per list (a person works through a few dozen a day, not thousands)</extracomment>
            <translation>El día de {name}</translation>
        </message>
        <message>
            <source>Today (choose who you are under You: to see your own)</source>
            <translation>Hoy (elija quién es en «Usted:» para ver su día)</translation>
        </message>
        <message numerus="yes">
            <source>{who}, {day}: %n follow-up(s) due</source>
            <translation>
                <numerusform>{who}, {day}: %n seguimiento pendiente</numerusform>
                <numerusform>{who}, {day}: %n seguimientos pendientes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>(the first %n shown)</source>
            <translation>
                <numerusform>(se muestra el primero)</numerusform>
                <numerusform>(se muestran los %n primeros)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n overdue</source>
            <translation>
                <numerusform>, %n atrasado</numerusform>
                <numerusform>, %n atrasados</numerusform>
            </translation>
        </message>
        <message>
            <source>(nobody yet)</source>
            <translation>(nadie todavía)</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Hoy</translation>
        </message>
        <message>
            <source>Tomorrow</source>
            <translation>Mañana</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nunca</translation>
        </message>
        <message>
            <source>{quiet} (every {cadence})</source>
            <translation>{quiet} (cada {cadence})</translation>
        </message>
        <message numerus="yes">
            <source>%n in all; the {n} most overdue are shown</source>
            <translation>
                <numerusform>%n en total; se muestran los {n} más atrasados</numerusform>
                <numerusform>%n en total; se muestran los {n} más atrasados</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n in all</source>
            <translation>
                <numerusform>%n en total</numerusform>
                <numerusform>%n en total</numerusform>
            </translation>
        </message>
        <message>
            <source>A promise made to the client</source>
            <translation>Una promesa hecha al cliente</translation>
        </message>
        <message>
            <source>Nothing due for you today: no follow-ups, meetings, birthdays or quiet clients. Switch “Show” to the team's day, or log a call with Ctrl+L.</source>
            <translation>Hoy no tiene nada pendiente: ni seguimientos, ni reuniones, ni cumpleaños, ni clientes sin contacto. Cambie «Mostrar» al día del equipo, o registre una llamada con Ctrl+L.</translation>
        </message>
        <message>
            <source>{value}: nothing due today. Log a call or a visit with Ctrl+L; a follow-up you add shows here on its day.</source>
            <translation>{value}: nada pendiente hoy. Registre una llamada o una visita con Ctrl+L; un seguimiento que añada aparece aquí en su día.</translation>
        </message>
        <message>
            <source>Your book is empty. Log the first call or walk-in with Ctrl+L (type a name: a new client is created as you go), or import your contacts from a phone, Outlook or a spreadsheet. Follow-ups and promises due, birthdays and clients gone quiet will show here every morning.</source>
            <translation>Su libro está vacío. Registre la primera llamada o visita con Ctrl+L (escriba un nombre: el cliente nuevo se crea sobre la marcha), o importe sus contactos de un teléfono, Outlook o una hoja de cálculo. Cada mañana verá aquí los seguimientos y promesas pendientes, los cumpleaños y los clientes sin contacto.</translation>
        </message>
    </context>
    <context>
        <name>Undo</name>
        <message>
            <source>Edit {display_name}</source>
            <translation>Editar {display_name}</translation>
        </message>
    </context>
    <context>
        <name>When</name>
        <message numerus="yes">
            <source>%n day(s) overdue</source>
            <translation>
                <numerusform>%n día de retraso</numerusform>
                <numerusform>%n días de retraso</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>hace %n día</numerusform>
                <numerusform>hace %n días</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n week(s) ago</source>
            <translation>
                <numerusform>hace %n semana</numerusform>
                <numerusform>hace %n semanas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n día</numerusform>
                <numerusform>%n días</numerusform>
            </translation>
        </message>
        <message>
            <source>overdue since {time}</source>
            <translation>atrasado desde las {time}</translation>
        </message>
        <message>
            <source>today {time}</source>
            <translation>hoy {time}</translation>
        </message>
        <message>
            <source>tomorrow {time}</source>
            <translation>mañana {time}</translation>
        </message>
        <message>
            <source>{day} {time}</source>
            <translation>{day} {time}</translation>
        </message>
        <message>
            <source>yesterday</source>
            <translation>ayer</translation>
        </message>
        <message>
            <source>ddd d MMM</source>
            <translation>ddd d MMM</translation>
        </message>
        <message>
            <source>dddd d MMMM</source>
            <translation>dddd, d 'de' MMMM</translation>
        </message>
        <message>
            <source>dddd d MMMM yyyy</source>
            <translation>dddd, d 'de' MMMM 'de' yyyy</translation>
        </message>
        <message>
            <source>d MMM</source>
            <translation>d MMM</translation>
        </message>
        <message>
            <source>MMMM yyyy</source>
            <translation>MMMM 'de' yyyy</translation>
        </message>
        <message>
            <source>d MMMM</source>
            <translation>d 'de' MMMM</translation>
        </message>
    </context>
    <context>
        <name>WindowLock</name>
        <message>
            <source>crmdesk — locked</source>
            <translation>crmdesk — bloqueado</translation>
        </message>
        <message>
            <source>Type {name}'s password or PIN to go on.</source>
            <translation>Escriba la contraseña o el PIN de {name} para seguir.</translation>
        </message>
        <message>
            <source>Type the book's passphrase to go on.</source>
            <translation>Escriba la frase de paso del libro para seguir.</translation>
        </message>
        <message>
            <source>This book has no passphrase and no staff passwords, so anyone at this computer can unlock it: set a password under Settings ▸ Staff to protect it.</source>
            <translation>Este libro no tiene frase de paso ni contraseñas del personal, así que cualquiera en este ordenador puede desbloquearlo: ponga una contraseña en Ajustes ▸ Personal para protegerlo.</translation>
        </message>
        <message>
            <source>Unlocked</source>
            <translation>Desbloqueado</translation>
        </message>
    </context>
    <context>
        <name>_Page</name>
        <message>
            <source>Reading the book's history into memory (once)… {value:.0%}</source>
            <translation>Leyendo en memoria el historial del libro (una vez)… {value:.0%}</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Cancelado.</translation>
        </message>
        <message>
            <source>The relationship canvas and the dashboards are for managers and executives, not for your role ({role}).</source>
            <translation>El lienzo de relaciones y los paneles son para los roles de responsable y ejecutivo/a, no para su rol ({role}).</translation>
        </message>
        <message>
            <source>Finding the customers…</source>
            <translation>Buscando los clientes…</translation>
        </message>
    </context>
    <context>
        <name>_Plurals</name>
        <message numerus="yes">
            <source>%n follow-up(s)</source>
            <translation>
                <numerusform>%n seguimiento</numerusform>
                <numerusform>%n seguimientos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Archive %n customer(s)</source>
            <translation>
                <numerusform>Archivar %n cliente</numerusform>
                <numerusform>Archivar %n clientes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>_Status</name>
        <message>
            <source>Connecting to the hub…</source>
            <translation>Conectando con el servidor de la oficina…</translation>
        </message>
        <message>
            <source>Offline — needs your hub password</source>
            <translation>Sin conexión — falta su contraseña del servidor</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Sin conexión</translation>
        </message>
        <message>
            <source>Synced {time}</source>
            <translation>Sincronizado a las {time}</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>En línea</translation>
        </message>
        <message numerus="yes">
            <source>%n waiting</source>
            <translation>
                <numerusform>%n pendiente</numerusform>
                <numerusform>%n pendientes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n to review</source>
            <translation>
                <numerusform>%n por revisar</numerusform>
                <numerusform>%n por revisar</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n held back</source>
            <translation>
                <numerusform>%n retenido</numerusform>
                <numerusform>%n retenidos</numerusform>
            </translation>
        </message>
    </context>
</TS>
