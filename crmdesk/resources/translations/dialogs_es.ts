<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AddressesEditor</name>
    <message>
        <source>Add address</source>
        <translation>Añadir dirección</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Todos los clientes</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Número de cliente</translation>
    </message>
    <message>
        <source>Everybody</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Entradas de auditoría</translation>
    </message>
    <message>
        <source>&amp;Verify the chain</source>
        <translation>&amp;Verificar la cadena</translation>
    </message>
    <message>
        <source>Recompute every entry&apos;s hash: a changed or removed entry shows</source>
        <translation>Vuelve a calcular el hash de cada entrada: se detecta cualquier entrada modificada o eliminada</translation>
    </message>
    <message>
        <source>&amp;Office trail</source>
        <translation>Registro de la &amp;oficina</translation>
    </message>
    <message>
        <source>Every device&apos;s trail as the office hub keeps it, each chain verified (managers only)</source>
        <translation>El registro de cada dispositivo tal como lo guarda el servidor de la oficina, cada cadena verificada (solo responsables)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>the book</source>
        <translation>el libro</translation>
    </message>
    <message numerus="yes">
        <source>The trail is intact: {count} entry(ies), none changed or removed.</source>
        <translation>
            <numerusform>El registro está intacto: {count} entrada, ninguna modificada ni eliminada.</numerusform>
            <numerusform>El registro está intacto: {count} entradas, ninguna modificada ni eliminada.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tampered with: {problems}</source>
        <translation>Manipulado: {problems}</translation>
    </message>
    <message>
        <source>Reading the office&apos;s trail from the hub…</source>
        <translation>Leyendo el registro de la oficina del servidor…</translation>
    </message>
    <message>
        <source>The office&apos;s trail could not be read: {reason}</source>
        <translation>No se pudo leer el registro de la oficina: {reason}</translation>
    </message>
    <message>
        <source>{who} on {device}</source>
        <translation>{who} en {device}</translation>
    </message>
    <message>
        <source>The office&apos;s trail was tampered with: {problems}</source>
        <translation>El registro de la oficina ha sido manipulado: {problems}</translation>
    </message>
    <message numerus="yes">
        <source>Every device&apos;s trail is intact: {count} device(s), {entries} entries in all.</source>
        <translation>
            <numerusform>El registro de cada dispositivo está intacto: {count} dispositivo, {entries} entradas en total.</numerusform>
            <numerusform>El registro de cada dispositivo está intacto: {count} dispositivos, {entries} entradas en total.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchStatementsDialog</name>
    <message>
        <source>Loyalty statements</source>
        <extracomment>a batch finished (how many statements, where)</extracomment>
        <translation>Extractos de fidelización</translation>
    </message>
    <message numerus="yes">
        <source>Customers in the current &amp;list ({count})</source>
        <translation>
            <numerusform>Clientes de la &amp;lista actual ({count})</numerusform>
            <numerusform>Clientes de la &amp;lista actual ({count})</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers of the &amp;segment</source>
        <translation>Clientes del &amp;segmento</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>One PDF per &amp;customer, into a folder</source>
        <translation>Un PDF por &amp;cliente, en una carpeta</translation>
    </message>
    <message>
        <source>One com&amp;bined PDF</source>
        <translation>Un PDF c&amp;onjunto</translation>
    </message>
    <message>
        <source>Where to save</source>
        <translation>Dónde guardar</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>&amp;Write statements</source>
        <translation>&amp;Generar extractos</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Periodo</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>statements</source>
        <translation>extractos</translation>
    </message>
    <message>
        <source>Statements {period}.pdf</source>
        <translation>Extractos {period}.pdf</translation>
    </message>
    <message>
        <source>Save statements as</source>
        <translation>Guardar los extractos como</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Folder for the statements</source>
        <translation>Carpeta para los extractos</translation>
    </message>
    <message>
        <source>Choose where to save the statements.</source>
        <translation>Elige dónde guardar los extractos.</translation>
    </message>
    <message>
        <source>{path} is a file; choose a folder.</source>
        <translation>{path} es un archivo; elige una carpeta.</translation>
    </message>
    <message>
        <source>Writing statements…</source>
        <translation>Generando extractos…</translation>
    </message>
    <message numerus="yes">
        <source>{done} of {count} statement(s)</source>
        <translation>
            <numerusform>{done} de {count} extracto</numerusform>
            <numerusform>{done} de {count} extractos</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled. Statements already finished were kept; no half-written file was left.</source>
        <translation>Cancelado. Se han conservado los extractos ya terminados; no ha quedado ningún archivo a medias.</translation>
    </message>
    <message numerus="yes">
        <source>{count} statement(s) written to {path}.</source>
        <translation>
            <numerusform>{count} extracto generado en {path}.</numerusform>
            <numerusform>{count} extractos generados en {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>The statements could not be written: {error}</source>
        <translation>No se han podido generar los extractos: {error}</translation>
    </message>
</context>
<context>
    <name>CanvasSettingsDialog</name>
    <message>
        <source>Relationship Costs</source>
        <translation>Costes de la relación</translation>
    </message>
    <message>
        <source>Staff cost per hour ({currency})</source>
        <translation>Coste del personal por hora ({currency})</translation>
    </message>
    <message>
        <source>Hourly cost: {role}</source>
        <translation>Coste por hora: {role}</translation>
    </message>
    <message>
        <source>What an hour of this role costs the business (salary and overheads); staff time × this is what a relationship costs</source>
        <translation>Lo que cuesta al negocio una hora de este puesto (salario y gastos generales); el tiempo del personal × este importe es lo que cuesta una relación</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>Time a contact takes when none was logged (minutes)</source>
        <translation>Duración de un contacto cuando no se registró (minutos)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Default duration: {channel}</source>
        <translation>Duración por defecto: {channel}</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Answer target in hours</source>
        <translation>Objetivo de respuesta en horas</translation>
    </message>
    <message>
        <source>A client&apos;s message should be answered within this time</source>
        <translation>El mensaje de un cliente debería responderse en este plazo</translation>
    </message>
    <message>
        <source>What one loyalty point is worth, in cents</source>
        <translation>Lo que vale un punto de fidelización, en céntimos</translation>
    </message>
    <message>
        <source>Points outstanding × this = the programme&apos;s liability</source>
        <translation>Puntos pendientes × este valor = el pasivo del programa</translation>
    </message>
    <message>
        <source>Answer within:</source>
        <translation>Responder en:</translation>
    </message>
    <message>
        <source>A loyalty point is worth:</source>
        <translation>Un punto de fidelización vale:</translation>
    </message>
</context>
<context>
    <name>ComposerDialog</name>
    <message>
        <source>Write to…</source>
        <translation>Escribir a…</translation>
    </message>
    <message>
        <source>Message composer</source>
        <translation>Redactor de mensajes</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>The template the message starts from (Settings ▸ Message Templates…)</source>
        <translation>La plantilla de la que parte el mensaje (Ajustes ▸ Plantillas de mensajes…)</translation>
    </message>
    <message>
        <source>{template} ({channel})</source>
        <translation>{template} ({channel})</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Each client&apos;s language</source>
        <translation>El idioma de cada cliente</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Para:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Plantilla:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>Cana&amp;l:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Texto del mensaje</translation>
    </message>
    <message>
        <source>Exactly what the client will read; edit it as you like</source>
        <translation>Exactamente lo que leerá el cliente; edítalo como quieras</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>Writing hints</source>
        <translation>Consejos de redacción</translation>
    </message>
    <message>
        <source>Create a follow-up (a promise) so that what the message promises is done</source>
        <translation>Crea un seguimiento (una promesa) para que se cumpla lo que promete el mensaje</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Vencimiento del seguimiento</translation>
    </message>
    <message>
        <source>due</source>
        <translation>vence</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>As&amp;unto:</translation>
    </message>
    <message>
        <source>Hints:</source>
        <translation>Consejos:</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Excluidos</translation>
    </message>
    <message>
        <source>Clients left out, with the reason; tick one to include them anyway</source>
        <translation>Clientes excluidos, con el motivo; marca uno para incluirlo de todos modos</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Anterior</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Siguiente ▶</translation>
    </message>
    <message>
        <source>One &amp;file for all (a PDF of every letter, an mbox of every e-mail)</source>
        <translation>Un solo archivo para &amp;todos (un PDF con todas las cartas, un mbox con todos los correos)</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Excluidos:</translation>
    </message>
    <message>
        <source>&amp;Open in Mail Program</source>
        <translation>&amp;Abrir en el programa de correo</translation>
    </message>
    <message>
        <source>Save the e-mail as a draft (.eml) and open it in your mail program to send</source>
        <translation>Guarda el correo como borrador (.eml) y lo abre en tu programa de correo para enviarlo</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <source>mailto: L&amp;ink</source>
        <translation>&amp;Enlace mailto:</translation>
    </message>
    <message>
        <source>Open a new message in your mail program (text only)</source>
        <translation>Abre un mensaje nuevo en tu programa de correo (solo texto)</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation>E&amp;nviar</translation>
    </message>
    <message>
        <source>&amp;Copy Text</source>
        <translation>&amp;Copiar texto</translation>
    </message>
    <message>
        <source>&amp;Write Messages…</source>
        <translation>Escri&amp;bir mensajes…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>no e-mail or phone</source>
        <translation>sin correo ni teléfono</translation>
    </message>
    <message>
        <source>prefers {channel}</source>
        <translation>prefiere {channel}</translation>
    </message>
    <message>
        <source>no preferred channel</source>
        <translation>sin canal preferido</translation>
    </message>
    <message>
        <source>{name} — {how} · {prefers} · {language}</source>
        <translation>{name} — {how} · {prefers} · {language}</translation>
    </message>
    <message>
        <source>There are no templates yet: Settings ▸ Message Templates….</source>
        <translation>Aún no hay plantillas: Ajustes ▸ Plantillas de mensajes….</translation>
    </message>
    <message>
        <source>{name} — {reason}</source>
        <translation>{name} — {reason}</translation>
    </message>
    <message>
        <source>Left out ({count}), with the reason — tick to include anyway:</source>
        <translation>Excluidos ({count}), con el motivo — marca para incluirlos de todos modos:</translation>
    </message>
    <message numerus="yes">
        <source>{included} of {count} client(s) ({left_out} left out)</source>
        <translation>
            <numerusform>{included} de {count} cliente ({left_out} excluidos)</numerusform>
            <numerusform>{included} de {count} clientes ({left_out} excluidos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody to write to</source>
        <translation>No hay nadie a quien escribir</translation>
    </message>
    <message>
        <source>Nobody gets this message on this channel.</source>
        <translation>Nadie recibe este mensaje por este canal.</translation>
    </message>
    <message>
        <source>{page} of {count}</source>
        <translation>{page} de {count}</translation>
    </message>
    <message numerus="yes">
        <source>To {phone} · {characters} character(s) · {parts} ({encoding})</source>
        <translation>
            <numerusform>Para {phone} · {characters} carácter · {parts} ({encoding})</numerusform>
            <numerusform>Para {phone} · {characters} caracteres · {parts} ({encoding})</numerusform>
        </translation>
    </message>
    <message>
        <source>(no phone)</source>
        <translation>(sin teléfono)</translation>
    </message>
    <message numerus="yes">
        <source>{count} message(s)</source>
        <translation>
            <numerusform>{count} mensaje</numerusform>
            <numerusform>{count} mensajes</numerusform>
        </translation>
    </message>
    <message>
        <source>To {name} &lt;{address}&gt;</source>
        <translation>Para {name} &lt;{address}&gt;</translation>
    </message>
    <message>
        <source>No e-mail address</source>
        <translation>Sin dirección de correo</translation>
    </message>
    <message>
        <source>Letter to: {address}</source>
        <translation>Carta para: {address}</translation>
    </message>
    <message>
        <source>{text} · edited by hand</source>
        <translation>{text} · editado a mano</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>línea {line}: {message}</translation>
    </message>
    <message>
        <source>Add a follow-up to keep it: “{promise}”</source>
        <translation>Añadir un seguimiento para cumplirla: «{promise}»</translation>
    </message>
    <message>
        <source>Send now through {server}</source>
        <translation>Enviar ahora a través de {server}</translation>
    </message>
    <message>
        <source>No mail server is set up (Settings ▸ Mail Server…)</source>
        <translation>No hay ningún servidor de correo configurado (Ajustes ▸ Servidor de correo…)</translation>
    </message>
    <message>
        <source>&amp;Save Draft…</source>
        <translation>&amp;Guardar borrador…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Guardar PDF…</translation>
    </message>
    <message>
        <source>&amp;Save Text…</source>
        <translation>&amp;Guardar texto…</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Write {count} Message(s)…</source>
        <translation>
            <numerusform>Escri&amp;bir {count} mensaje…</numerusform>
            <numerusform>Escri&amp;bir {count} mensajes…</numerusform>
        </translation>
    </message>
    <message>
        <source>{what} — logged in the client&apos;s timeline.</source>
        <translation>{what} — anotado en la cronología del cliente.</translation>
    </message>
    <message>
        <source>Not sent: {error} The message is kept here.</source>
        <translation>No se ha enviado: {error} El mensaje se conserva aquí.</translation>
    </message>
    <message>
        <source>Could not write the file: {error}</source>
        <translation>No se ha podido escribir el archivo: {error}</translation>
    </message>
    <message>
        <source>The book could not record it: {error}</source>
        <translation>El libro no ha podido registrarlo: {error}</translation>
    </message>
    <message>
        <source>Draft saved as {file}</source>
        <translation>Borrador guardado como {file}</translation>
    </message>
    <message>
        <source>E-mail draft (*.eml)</source>
        <translation>Borrador de correo (*.eml)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Texto (*.txt)</translation>
    </message>
    <message>
        <source>Save the message</source>
        <translation>Guardar el mensaje</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>Guardado como {path}</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Review Conflicts</source>
        <translation>Revisar conflictos</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Show settled ones</source>
        <translation>Mostrar los resueltos</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>Tu valor</translation>
    </message>
    <message>
        <source>Their value</source>
        <translation>El otro valor</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Conservar el &amp;mío</translation>
    </message>
    <message>
        <source>Keep your value: it is written again and wins everywhere on the next sync (Ctrl+Z to undo)</source>
        <translation>Conserva tu valor: se vuelve a escribir y se impone en todas partes en la próxima sincronización (Ctrl+Z para deshacer)</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>Conservar el &amp;suyo</translation>
    </message>
    <message>
        <source>Take the other value (Ctrl+Z to undo)</source>
        <translation>Toma el otro valor (Ctrl+Z para deshacer)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Take back the last choice (Ctrl+Z)</source>
        <translation>Deshace la última elección (Ctrl+Z)</translation>
    </message>
    <message>
        <source>No conflicts to review: every edit made it.</source>
        <translation>No hay conflictos que revisar: todos los cambios han llegado.</translation>
    </message>
    <message>
        <source>refused by the hub</source>
        <translation>rechazado por el servidor de la oficina</translation>
    </message>
    <message>
        <source>points overdrawn</source>
        <translation>puntos en descubierto</translation>
    </message>
    <message>
        <source>changed on two devices</source>
        <translation>cambiado en dos equipos</translation>
    </message>
    <message>
        <source>{what} · settled ({how})</source>
        <translation>{what} · resuelto ({how})</translation>
    </message>
    <message>
        <source>(no customer)</source>
        <translation>(sin cliente)</translation>
    </message>
    <message>
        <source>by {who}, {when}</source>
        <translation>por {who}, {when}</translation>
    </message>
    <message>
        <source>another device</source>
        <translation>otro equipo</translation>
    </message>
    <message>
        <source>Keep the one in the &amp;book</source>
        <translation>Conservar el del &amp;libro</translation>
    </message>
    <message>
        <source>Keep the &amp;other</source>
        <translation>Conservar el &amp;otro</translation>
    </message>
</context>
<context>
    <name>ContactPointsEditor</name>
    <message>
        <source>Add {noun}</source>
        <translation>Añadir {noun}</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Preferred</source>
        <translation>Preferido</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
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
        <translation>Propietario</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Valor total</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Últimos 12 meses</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Próximo seguimiento</translation>
    </message>
    <message>
        <source>Click to sort by {column}</source>
        <extracomment>the full id list is in (after a two-phase load)</extracomment>
        <translation>Pulsa para ordenar por {column}</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Find duplicates</source>
        <translation>Buscar duplicados</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Buscando duplicados…</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Probable duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Duplicate pairs</source>
        <translation>Parejas de duplicados</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionar…</translation>
    </message>
    <message>
        <source>Combine the two customers into one (Ctrl+Z undoes it)</source>
        <translation>Combina los dos clientes en uno (Ctrl+Z lo deshace)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Search failed: {error}</source>
        <translation>La búsqueda ha fallado: {error}</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>No se han encontrado duplicados.</translation>
    </message>
    <message numerus="yes">
        <source>{count} probable duplicate pair(s) ({shown} most likely shown)</source>
        <translation>
            <numerusform>{count} posible pareja de duplicados (se muestran las {shown} más probables)</numerusform>
            <numerusform>{count} posibles parejas de duplicados (se muestran las {shown} más probables)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} probable duplicate pair(s)</source>
        <translation>
            <numerusform>{count} posible pareja de duplicados</numerusform>
            <numerusform>{count} posibles parejas de duplicados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up — {customer}</source>
        <translation>Seguimiento — {customer}</translation>
    </message>
    <message>
        <source>Not saved. {problems}</source>
        <translation>No se ha guardado. {problems}</translation>
    </message>
</context>
<context>
    <name>FollowUpFields</name>
    <message>
        <source>Follow-up: what must be done</source>
        <translation>Seguimiento: qué hay que hacer</translation>
    </message>
    <message>
        <source>e.g. Send the fee table</source>
        <translation>p. ej. Enviar la tabla de comisiones</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>This is a promise made to the client</source>
        <translation>Es una promesa hecha al cliente</translation>
    </message>
    <message>
        <source>Promises are what a client remembers: they are listed first</source>
        <translation>Las promesas son lo que el cliente recuerda: aparecen primero</translation>
    </message>
    <message>
        <source>Me / nobody in particular</source>
        <translation>Yo / nadie en concreto</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Asignado a</translation>
    </message>
    <message>
        <source>Wh&amp;at</source>
        <translation>&amp;Qué</translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation>&amp;Vence</translation>
    </message>
    <message>
        <source>Assigned &amp;to</source>
        <translation>Asi&amp;gnado a</translation>
    </message>
    <message>
        <source>The due date is past: it will show as overdue.</source>
        <translation>La fecha de vencimiento ya ha pasado: aparecerá como vencido.</translation>
    </message>
</context>
<context>
    <name>FunnelDialog</name>
    <message>
        <source>Funnel report</source>
        <translation>Informe del embudo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Entraron</translation>
    </message>
    <message>
        <source>Moved to next</source>
        <translation>Pasaron a la siguiente</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Conversión</translation>
    </message>
    <message>
        <source>Median days in stage</source>
        <translation>Mediana de días en la etapa</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>Embudo</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>The start of the period must come before its end.</source>
        <translation>El inicio del periodo debe ser anterior a su final.</translation>
    </message>
    <message>
        <source>Entered: customers who came into the stage in the period (moved into it, or added in it). Moved to next and conversion: of those, how many then moved on to the next stage before the period ended. Median days: how long those who left the stage in the period had stayed.</source>
        <translation>Entraron: clientes que llegaron a la etapa en el periodo (pasaron a ella o se añadieron en ella). Pasaron a la siguiente y conversión: de ellos, cuántos pasaron después a la etapa siguiente antes de que acabara el periodo. Mediana de días: cuánto tiempo habían permanecido quienes dejaron la etapa en el periodo.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>All rows</source>
        <translation>Todas las filas</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevos</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>Actualizaciones</translation>
    </message>
    <message>
        <source>Probable duplicates</source>
        <translation>Posibles duplicados</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazados</translation>
    </message>
    <message>
        <source>With warnings</source>
        <translation>Con avisos</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(ignorar)</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre de pila</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Segundo nombre</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Preferred name / nickname</source>
        <translation>Nombre preferido / apodo</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Cumpleaños</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>E-mail (home)</source>
        <translation>Correo (casa)</translation>
    </message>
    <message>
        <source>E-mail (work)</source>
        <translation>Correo (trabajo)</translation>
    </message>
    <message>
        <source>E-mail (other)</source>
        <translation>Correo (otro)</translation>
    </message>
    <message>
        <source>Phone (mobile)</source>
        <translation>Teléfono (móvil)</translation>
    </message>
    <message>
        <source>Phone (home)</source>
        <translation>Teléfono (casa)</translation>
    </message>
    <message>
        <source>Phone (work)</source>
        <translation>Teléfono (trabajo)</translation>
    </message>
    <message>
        <source>Phone (fax)</source>
        <translation>Teléfono (fax)</translation>
    </message>
    <message>
        <source>Phone (other)</source>
        <translation>Teléfono (otro)</translation>
    </message>
    <message>
        <source>Address (home) street</source>
        <translation>Dirección (casa): calle</translation>
    </message>
    <message>
        <source>Address (home) city</source>
        <translation>Dirección (casa): ciudad</translation>
    </message>
    <message>
        <source>Address (home) region</source>
        <translation>Dirección (casa): provincia</translation>
    </message>
    <message>
        <source>Address (home) postcode</source>
        <translation>Dirección (casa): código postal</translation>
    </message>
    <message>
        <source>Address (home) country</source>
        <translation>Dirección (casa): país</translation>
    </message>
    <message>
        <source>Address (work) street</source>
        <translation>Dirección (trabajo): calle</translation>
    </message>
    <message>
        <source>Address (work) city</source>
        <translation>Dirección (trabajo): ciudad</translation>
    </message>
    <message>
        <source>Address (work) region</source>
        <translation>Dirección (trabajo): provincia</translation>
    </message>
    <message>
        <source>Address (work) postcode</source>
        <translation>Dirección (trabajo): código postal</translation>
    </message>
    <message>
        <source>Address (work) country</source>
        <translation>Dirección (trabajo): país</translation>
    </message>
    <message>
        <source>Address (other) street</source>
        <translation>Dirección (otra): calle</translation>
    </message>
    <message>
        <source>Address (other) city</source>
        <translation>Dirección (otra): ciudad</translation>
    </message>
    <message>
        <source>Address (other) region</source>
        <translation>Dirección (otra): provincia</translation>
    </message>
    <message>
        <source>Address (other) postcode</source>
        <translation>Dirección (otra): código postal</translation>
    </message>
    <message>
        <source>Address (other) country</source>
        <translation>Dirección (otra): país</translation>
    </message>
    <message>
        <source>Life situation</source>
        <translation>Situación personal</translation>
    </message>
    <message>
        <source>Person or organisation</source>
        <translation>Persona u organización</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Año de nacimiento</translation>
    </message>
    <message>
        <source>Birth month</source>
        <translation>Mes de nacimiento</translation>
    </message>
    <message>
        <source>Birth day</source>
        <translation>Día de nacimiento</translation>
    </message>
    <message>
        <source>Name suffix (notes)</source>
        <translation>Sufijo del nombre (notas)</translation>
    </message>
    <message>
        <source>Phone (pager)</source>
        <translation>Teléfono (buscapersonas)</translation>
    </message>
    <message>
        <source>Phone (main)</source>
        <translation>Teléfono (principal)</translation>
    </message>
    <message>
        <source>Phone (assistant)</source>
        <translation>Teléfono (asistente)</translation>
    </message>
    <message>
        <source>Phone (car)</source>
        <translation>Teléfono (coche)</translation>
    </message>
    <message>
        <source>Phone (work fax)</source>
        <translation>Teléfono (fax del trabajo)</translation>
    </message>
    <message>
        <source>Phone (home fax)</source>
        <translation>Teléfono (fax de casa)</translation>
    </message>
    <message>
        <source>Web page (notes)</source>
        <translation>Página web (notas)</translation>
    </message>
    <message>
        <source>IM handle (notes)</source>
        <translation>Usuario de mensajería (notas)</translation>
    </message>
    <message>
        <source>Connected on (notes)</source>
        <translation>Conectado el (notas)</translation>
    </message>
    <message>
        <source>Assistant (notes)</source>
        <translation>Asistente (notas)</translation>
    </message>
    <message>
        <source>Manager (notes)</source>
        <translation>Responsable (notas)</translation>
    </message>
    <message>
        <source>Notes, as “Column: value”</source>
        <translation>Notas, como «Columna: valor»</translation>
    </message>
    <message>
        <source>Spouse (life situation)</source>
        <translation>Cónyuge (situación personal)</translation>
    </message>
    <message>
        <source>Partner (life situation)</source>
        <translation>Pareja (situación personal)</translation>
    </message>
    <message>
        <source>Children (life situation)</source>
        <translation>Hijos (situación personal)</translation>
    </message>
    <message>
        <source>Anniversary (life situation)</source>
        <translation>Aniversario (situación personal)</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>Importar {name}</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Primer valor</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Va a</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Asignación de columnas</translation>
    </message>
    <message>
        <source>Read again with this &amp;mapping</source>
        <translation>Volver a leer con esta &amp;asignación</translation>
    </message>
    <message>
        <source>&amp;Save mapping…</source>
        <translation>&amp;Guardar asignación…</translation>
    </message>
    <message>
        <source>Save this mapping to use it again for files like this one (also with crmdesk import --mapping)</source>
        <translation>Guarda esta asignación para volver a usarla con archivos como este (también con crmdesk import --mapping)</translation>
    </message>
    <message>
        <source>Use a saved mappin&amp;g…</source>
        <translation>&amp;Usar una asignación guardada…</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Show rows</source>
        <translation>Filas mostradas</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Also import the probable &amp;duplicates as new customers</source>
        <translation>Importar también los posibles &amp;duplicados como clientes nuevos</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Save the column mapping</source>
        <translation>Guardar la asignación de columnas</translation>
    </message>
    <message>
        <source>Column mappings (*.json)</source>
        <translation>Asignaciones de columnas (*.json)</translation>
    </message>
    <message>
        <source>Use a saved column mapping</source>
        <translation>Usar una asignación de columnas guardada</translation>
    </message>
    <message>
        <source>{name} cannot be imported.</source>
        <translation>No se puede importar {name}.</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Importación cancelada: no se ha escrito nada.</translation>
    </message>
    <message numerus="yes">
        <source>{file}: vCard file, {count} card(s)</source>
        <translation>
            <numerusform>{file}: archivo vCard, {count} tarjeta</numerusform>
            <numerusform>{file}: archivo vCard, {count} tarjetas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{file}: CSV file, {count} row(s)</source>
        <translation>
            <numerusform>{file}: archivo CSV, {count} fila</numerusform>
            <numerusform>{file}: archivo CSV, {count} filas</numerusform>
        </translation>
    </message>
    <message>
        <source>{text} ({notes})</source>
        <translation>{text} ({notes})</translation>
    </message>
    <message>
        <source>Not kept: {what}</source>
        <translation>No se conserva: {what}</translation>
    </message>
    <message>
        <source>Field for column {header}</source>
        <translation>Campo para la columna {header}</translation>
    </message>
    <message>
        <source>(Google) {field}</source>
        <translation>(Google) {field}</translation>
    </message>
    <message numerus="yes">
        <source>{count} new</source>
        <translation>
            <numerusform>{count} nuevo</numerusform>
            <numerusform>{count} nuevos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} update(s) a customer</source>
        <translation>
            <numerusform>{count} actualiza un cliente</numerusform>
            <numerusform>{count} actualizan un cliente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} probable duplicate(s)</source>
        <translation>
            <numerusform>{count} posible duplicado</numerusform>
            <numerusform>{count} posibles duplicados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} rejected</source>
        <translation>
            <numerusform>{count} rechazado</numerusform>
            <numerusform>{count} rechazados</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Cancelar la importación</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Cancelado: no se ha escrito nada.</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>&amp;Join</source>
        <translation>Un&amp;irse</translation>
    </message>
    <message>
        <source>Join Office Book</source>
        <translation>Unirse al libro de la oficina</translation>
    </message>
    <message>
        <source>Make a book on this computer filled from your office&apos;s hub: what you may see, encrypted with a passphrase of your own. It keeps working without a network and syncs when it can.</source>
        <translation>Crea en este ordenador un libro con los datos del servidor de la oficina: lo que puedes ver, cifrado con una frase de contraseña propia. Sigue funcionando sin red y se sincroniza cuando puede.</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Your hub login</source>
        <translation>Tu usuario en el servidor</translation>
    </message>
    <message>
        <source>the login your manager enrolled you as</source>
        <translation>el usuario con el que te dio de alta tu responsable</translation>
    </message>
    <message>
        <source>Hub password</source>
        <translation>Contraseña del servidor</translation>
    </message>
    <message>
        <source>This device&apos;s name</source>
        <translation>Nombre de este equipo</translation>
    </message>
    <message>
        <source>How this computer is listed on the hub (crmdesk hub check)</source>
        <translation>Cómo aparece este ordenador en el servidor (crmdesk hub check)</translation>
    </message>
    <message>
        <source>New book file</source>
        <translation>Archivo del libro nuevo</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Encrypts the book on this computer; asked when the book opens</source>
        <translation>Cifra el libro en este ordenador; se pide al abrir el libro</translation>
    </message>
    <message>
        <source>The passphrase again</source>
        <translation>La frase de contraseña otra vez</translation>
    </message>
    <message>
        <source>Hub &amp;address:</source>
        <translation>&amp;Dirección del servidor:</translation>
    </message>
    <message>
        <source>Your hub &amp;login:</source>
        <translation>Tu &amp;usuario en el servidor:</translation>
    </message>
    <message>
        <source>Hub pass&amp;word:</source>
        <translation>&amp;Contraseña del servidor:</translation>
    </message>
    <message>
        <source>This &amp;device&apos;s name:</source>
        <translation>&amp;Nombre de este equipo:</translation>
    </message>
    <message>
        <source>New book &amp;file:</source>
        <translation>&amp;Archivo del libro nuevo:</translation>
    </message>
    <message>
        <source>New pass&amp;phrase:</source>
        <translation>Nueva &amp;frase de contraseña:</translation>
    </message>
    <message>
        <source>Passphrase a&amp;gain:</source>
        <translation>&amp;Repite la frase de contraseña:</translation>
    </message>
    <message>
        <source>New office book</source>
        <translation>Nuevo libro de la oficina</translation>
    </message>
    <message>
        <source>crmdesk books (*.db)</source>
        <translation>Libros de crmdesk (*.db)</translation>
    </message>
    <message>
        <source>Give your hub login.</source>
        <translation>Indica tu usuario en el servidor.</translation>
    </message>
    <message>
        <source>Choose the new book&apos;s file.</source>
        <translation>Elige el archivo del libro nuevo.</translation>
    </message>
    <message>
        <source>{path} already exists: choose a new file.</source>
        <translation>{path} ya existe: elige un archivo nuevo.</translation>
    </message>
    <message>
        <source>An office book on a laptop is always encrypted: choose a passphrase.</source>
        <translation>Un libro de la oficina en un portátil siempre va cifrado: elige una frase de contraseña.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>crmdesk is locked</source>
        <translation>crmdesk está bloqueado</translation>
    </message>
    <message>
        <source>Locked — {who}</source>
        <translation>Bloqueado — {who}</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Contraseña o PIN</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>That does not unlock it.</source>
        <translation>Eso no lo desbloquea.</translation>
    </message>
</context>
<context>
    <name>LogInteractionDialog</name>
    <message>
        <source>Edit interaction — {customer}</source>
        <translation>Editar interacción — {customer}</translation>
    </message>
    <message>
        <source>Log interaction — {customer}</source>
        <translation>Registrar interacción — {customer}</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Miembro del equipo</translation>
    </message>
    <message>
        <source>{name} records things under their own name.</source>
        <translation>{name} registra todo a su propio nombre.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>What was said or done</source>
        <translation>Qué se dijo o se hizo</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Client satisfaction</source>
        <translation>Satisfacción del cliente</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Canal</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>&amp;Sentido</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>Cuán&amp;do</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Atendido por</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Asunto</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfacción</translation>
    </message>
    <message>
        <source>Add a follow-up</source>
        <translation>Añadir un seguimiento</translation>
    </message>
    <message>
        <source>Not saved. {problems}</source>
        <translation>No se ha guardado. {problems}</translation>
    </message>
    <message>
        <source>Not saved. {exc}</source>
        <translation>No se ha guardado. {exc}</translation>
    </message>
</context>
<context>
    <name>LoyaltyProgrammeDialog</name>
    <message>
        <source>Loyalty programme</source>
        <translation>Programa de fidelización</translation>
    </message>
    <message>
        <source>&amp;Programme</source>
        <translation>&amp;Programa</translation>
    </message>
    <message>
        <source>&amp;Rewards</source>
        <translation>&amp;Recompensas</translation>
    </message>
    <message>
        <source>&amp;Letterhead</source>
        <translation>&amp;Membrete</translation>
    </message>
    <message>
        <source>Programme currency</source>
        <translation>Divisa del programa</translation>
    </message>
    <message>
        <source>Points per currency unit</source>
        <translation>Puntos por unidad de divisa</translation>
    </message>
    <message>
        <source>Points earned for each unit spent; fractions are rounded down</source>
        <translation>Puntos que se ganan por cada unidad gastada; las fracciones se redondean hacia abajo</translation>
    </message>
    <message>
        <source>Starting tier name</source>
        <translation>Nombre del nivel inicial</translation>
    </message>
    <message>
        <source>Tier window</source>
        <translation>Ventana del nivel</translation>
    </message>
    <message>
        <source>Tiers count the points earned over this many recent months</source>
        <translation>Los niveles cuentan los puntos ganados en estos últimos meses</translation>
    </message>
    <message>
        <source>Points expiry</source>
        <translation>Caducidad de los puntos</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Points needed</source>
        <translation>Puntos necesarios</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Niveles</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>&amp;Divisa</translation>
    </message>
    <message>
        <source>Points per &amp;unit</source>
        <translation>Puntos por &amp;unidad</translation>
    </message>
    <message>
        <source>&amp;Starting tier</source>
        <translation>Nivel &amp;inicial</translation>
    </message>
    <message>
        <source>Tier &amp;window</source>
        <translation>&amp;Ventana del nivel</translation>
    </message>
    <message>
        <source>Points &amp;expire after</source>
        <translation>Los puntos &amp;caducan a los</translation>
    </message>
    <message>
        <source>Tiers, from the first to the highest:</source>
        <translation>Niveles, del primero al más alto:</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>Añadir nivel</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>Quitar nivel</translation>
    </message>
    <message numerus="yes">
        <source> month(s)</source>
        <translation>
            <numerusform> mes</numerusform>
            <numerusform> meses</numerusform>
        </translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Recompensa</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Ofrecida</translation>
    </message>
    <message>
        <source>Name in Spanish</source>
        <translation>Nombre en español</translation>
    </message>
    <message>
        <source>Rewards catalogue</source>
        <translation>Catálogo de recompensas</translation>
    </message>
    <message>
        <source>Rewards clients can choose. Untick “Offered” to withdraw one; statements and the history keep its name.</source>
        <translation>Recompensas que pueden elegir los clientes. Desmarca «Ofrecida» para retirar una; los extractos y el historial conservan su nombre.</translation>
    </message>
    <message>
        <source>Add reward</source>
        <translation>Añadir recompensa</translation>
    </message>
    <message>
        <source>Remove reward</source>
        <translation>Quitar recompensa</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>Nombre del negocio</translation>
    </message>
    <message>
        <source>Business address</source>
        <translation>Dirección del negocio</translation>
    </message>
    <message>
        <source>Street
Postcode and city
Phone · e-mail</source>
        <translation>Calle
Código postal y ciudad
Teléfono · correo</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>Elegir logotipo…</translation>
    </message>
    <message>
        <source>Use the default logo</source>
        <translation>Usar el logotipo predeterminado</translation>
    </message>
    <message>
        <source>Business &amp;name</source>
        <translation>&amp;Nombre del negocio</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>Dir&amp;ección</translation>
    </message>
    <message>
        <source>What Spanish-speaking clients read on statements (empty: the name)</source>
        <translation>Lo que leen en los extractos los clientes de habla hispana (vacío: el nombre)</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Elige un logotipo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Your logo</source>
        <translation>Tu logotipo</translation>
    </message>
    <message>
        <source>The default logo</source>
        <translation>El logotipo predeterminado</translation>
    </message>
</context>
<context>
    <name>MailServerDialog</name>
    <message>
        <source>Mail Server</source>
        <translation>Servidor de correo</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (puerto 587)</translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS (puerto 465)</translation>
    </message>
    <message>
        <source>None (a local relay only)</source>
        <translation>Ninguna (solo un relé local)</translation>
    </message>
    <message>
        <source>kept in the system keyring, never in the book</source>
        <translation>se guarda en el llavero del sistema, nunca en el libro</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>S&amp;eguridad:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;From address:</source>
        <translation>&amp;Dirección del remitente:</translation>
    </message>
    <message>
        <source>From &amp;name:</source>
        <translation>&amp;Nombre del remitente:</translation>
    </message>
</context>
<context>
    <name>MakeOfficeDialog</name>
    <message>
        <source>&amp;Make Office Book</source>
        <translation>Crear el &amp;libro de la oficina</translation>
    </message>
    <message>
        <source>Make This an Office Book</source>
        <translation>Convertir en libro de la oficina</translation>
    </message>
    <message>
        <source>Share {book} with your office through a PostgreSQL hub. The hub gets its schema and roles, you get a hub login, and this book is uploaded as the office&apos;s first device; colleagues then use File ▸ Join Office Book… on their laptops.</source>
        <translation>Comparte {book} con tu oficina a través de un servidor PostgreSQL. El servidor recibe su esquema y sus roles, tú recibes un usuario en el servidor y este libro se sube como el primer equipo de la oficina; después, tus compañeros usan Archivo ▸ Unirse al libro de la oficina… en sus portátiles.</translation>
    </message>
    <message>
        <source>Hub administrator address</source>
        <translation>Dirección del administrador del servidor</translation>
    </message>
    <message>
        <source>Administrator password</source>
        <translation>Contraseña del administrador</translation>
    </message>
    <message>
        <source>Used once, for this set-up; never stored</source>
        <translation>Se usa una sola vez, para esta configuración; nunca se guarda</translation>
    </message>
    <message>
        <source>Your hub login</source>
        <translation>Tu usuario en el servidor</translation>
    </message>
    <message>
        <source>Your new hub password</source>
        <translation>Tu nueva contraseña del servidor</translation>
    </message>
    <message>
        <source>Your new hub password again</source>
        <translation>Tu nueva contraseña del servidor otra vez</translation>
    </message>
    <message>
        <source>Hub &amp;administrator address:</source>
        <translation>Dirección del &amp;administrador del servidor:</translation>
    </message>
    <message>
        <source>Administrator pass&amp;word:</source>
        <translation>&amp;Contraseña del administrador:</translation>
    </message>
    <message>
        <source>Your hub &amp;login:</source>
        <translation>Tu &amp;usuario en el servidor:</translation>
    </message>
    <message>
        <source>Your new hub &amp;password:</source>
        <translation>Tu nueva contraseña del &amp;servidor:</translation>
    </message>
    <message>
        <source>The same password a&amp;gain:</source>
        <translation>&amp;Repite la contraseña:</translation>
    </message>
    <message>
        <source>Your hub password needs at least 8 characters.</source>
        <translation>Tu contraseña del servidor necesita al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message numerus="yes">
        <source>{book} is now an office book: {count} record(s) uploaded; it syncs as {login}.</source>
        <translation>
            <numerusform>{book} ya es un libro de la oficina: {count} registro subido; se sincroniza como {login}.</numerusform>
            <numerusform>{book} ya es un libro de la oficina: {count} registros subidos; se sincroniza como {login}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Given name</source>
        <translation>Nombre de pila</translation>
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
        <source>Salutation</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Cumpleaños</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Profesión</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relación</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Canal preferido</translation>
    </message>
    <message>
        <source>Best time</source>
        <translation>Mejor momento</translation>
    </message>
    <message>
        <source>Life situation</source>
        <translation>Situación personal</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Intereses</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Necesidades</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Merge {other} into {kept}</source>
        <translation>Fusionar {other} con {kept}</translation>
    </message>
    <message>
        <source>&lt;b&gt;#{keep} (kept)&lt;/b&gt;</source>
        <translation>&lt;b&gt;#{keep} (se conserva)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;#{other} (goes to the Trash)&lt;/b&gt;</source>
        <translation>&lt;b&gt;#{other} (va a la Papelera)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vacío</translation>
    </message>
    <message>
        <source>E-mails, phones, addresses, consents and tags of both are kept. Interactions, follow-ups, purchases, points and stage history move to #{kept}. Ctrl+Z undoes the merge.</source>
        <translation>Se conservan los correos, teléfonos, direcciones, consentimientos y etiquetas de ambos. Las interacciones, seguimientos, compras, puntos e historial de etapas pasan a #{kept}. Ctrl+Z deshace la fusión.</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionar</translation>
    </message>
</context>
<context>
    <name>NewSecretDialog</name>
    <message>
        <source>New PIN for {who}</source>
        <translation>Nuevo PIN para {who}</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nuevo PIN</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>El mismo PIN otra vez</translation>
    </message>
    <message>
        <source>New password for {who}</source>
        <translation>Nueva contraseña para {who}</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nueva contraseña</translation>
    </message>
    <message>
        <source>The same password again</source>
        <translation>La misma contraseña otra vez</translation>
    </message>
    <message>
        <source>A PIN of {low} to {high} digits unlocks the window after it locked itself.</source>
        <translation>Un PIN de {low} a {high} cifras desbloquea la ventana cuando se ha bloqueado sola.</translation>
    </message>
    <message>
        <source>At least {count} characters. It is kept only as an argon2 hash: nobody can read it back, so choose one you will remember.</source>
        <translation>Al menos {count} caracteres. Solo se guarda como hash argon2: nadie puede recuperarla, así que elige una que vayas a recordar.</translation>
    </message>
    <message>
        <source>&amp;New PIN</source>
        <translation>&amp;Nuevo PIN</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nueva contraseña</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>&amp;Repetir</translation>
    </message>
    <message>
        <source>The two differ.</source>
        <translation>No coinciden.</translation>
    </message>
</context>
<context>
    <name>OfficeSettingsDialog</name>
    <message>
        <source>Office Book</source>
        <translation>Libro de la oficina</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Where the office&apos;s hub is; change it when the server moves (another office&apos;s hub is refused before anything is sent)</source>
        <translation>Dónde está el servidor de la oficina; cámbiala cuando el servidor se traslade (el servidor de otra oficina se rechaza antes de enviar nada)</translation>
    </message>
    <message>
        <source>This device&apos;s name</source>
        <translation>Nombre de este equipo</translation>
    </message>
    <message>
        <source>How this computer is called in the window and when it joins</source>
        <translation>Cómo se llama este ordenador en la ventana y al unirse</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>Id. del equipo</translation>
    </message>
    <message>
        <source>Hub &amp;address:</source>
        <translation>&amp;Dirección del servidor:</translation>
    </message>
    <message>
        <source>This &amp;device&apos;s name:</source>
        <translation>&amp;Nombre de este equipo:</translation>
    </message>
    <message>
        <source>Device id:</source>
        <translation>Id. del equipo:</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Clear the date</source>
        <translation>Borrar la fecha</translation>
    </message>
    <message>
        <source>Clear date</source>
        <translation>Borrar fecha</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>Desde – hasta</translation>
    </message>
    <message>
        <source>Period kind</source>
        <translation>Tipo de periodo</translation>
    </message>
    <message>
        <source>Q{q}</source>
        <translation>T{q}</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
</context>
<context>
    <name>PointsDialog</name>
    <message>
        <source>Bonus or adjustment — {customer}</source>
        <translation>Bonificación o ajuste — {customer}</translation>
    </message>
    <message>
        <source>&amp;Bonus: points given as a thank-you</source>
        <translation>&amp;Bonificación: puntos regalados como agradecimiento</translation>
    </message>
    <message>
        <source>&amp;Adjustment: correct the balance (up or down)</source>
        <translation>&amp;Ajuste: corregir el saldo (al alza o a la baja)</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Required: the client reads it on the statement</source>
        <translation>Obligatorio: el cliente lo lee en el extracto</translation>
    </message>
    <message numerus="yes">
        <source>Balance: {count} point(s)</source>
        <translation>
            <numerusform>Saldo: {count} punto</numerusform>
            <numerusform>Saldo: {count} puntos</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>&amp;Puntos</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>A bonus adds points; to take points away choose Adjustment.</source>
        <translation>Una bonificación suma puntos; para quitar puntos, elige Ajuste.</translation>
    </message>
    <message numerus="yes">
        <source>New balance: {count} point(s).</source>
        <translation>
            <numerusform>Nuevo saldo: {count} punto.</numerusform>
            <numerusform>Nuevo saldo: {count} puntos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Updates a customer</source>
        <translation>Actualiza un cliente</translation>
    </message>
    <message>
        <source>Probable duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Reason / warnings</source>
        <translation>Motivo / avisos</translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message>
        <source>Record purchase — {customer}</source>
        <extracomment>writes the entry (each dialog its own kind); LoyaltyError says why it cannot</extracomment>
        <translation>Registrar compra — {customer}</translation>
    </message>
    <message>
        <source>e.g. 125.50</source>
        <translation>p. ej. 125,50</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>The amount paid, with up to two decimals</source>
        <translation>El importe pagado, con dos decimales como máximo</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Date of purchase</source>
        <translation>Fecha de la compra</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>What was bought (printed on the statement)</source>
        <translation>Qué se compró (aparece en el extracto)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Importe</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>&amp;Moneda</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation>&amp;Descripción</translation>
    </message>
    <message numerus="yes">
        <source>Earns {count} point(s) per {currency} spent.</source>
        <translation>
            <numerusform>Gana {count} punto por cada {currency} gastado.</numerusform>
            <numerusform>Gana {count} puntos por cada {currency} gastado.</numerusform>
        </translation>
    </message>
    <message>
        <source>Purchases in {currency} are recorded but earn no points (the programme counts {programme_currency}).</source>
        <translation>Las compras en {currency} se registran pero no ganan puntos (el programa cuenta en {programme_currency}).</translation>
    </message>
    <message numerus="yes">
        <source>{amount} earns {count} point(s).</source>
        <translation>
            <numerusform>{amount} gana {count} punto.</numerusform>
            <numerusform>{amount} gana {count} puntos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuickCaptureDialog</name>
    <message>
        <source>Quick capture</source>
        <extracomment>local, aware &quot;now&quot; (tests give their own)</extracomment>
        <translation>Registro rápido</translation>
    </message>
    <message>
        <source>Name, e-mail or phone digits…</source>
        <translation>Nombre, correo o cifras del teléfono…</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation>Clientes que coinciden</translation>
    </message>
    <message>
        <source>No one chosen yet</source>
        <translation>Aún no se ha elegido a nadie</translation>
    </message>
    <message>
        <source>Phone of the new prospect</source>
        <translation>Teléfono del nuevo cliente potencial</translation>
    </message>
    <message>
        <source>Their phone number (optional)</source>
        <translation>Su número de teléfono (opcional)</translation>
    </message>
    <message>
        <source>No one yet</source>
        <translation>Nadie todavía</translation>
    </message>
    <message>
        <source>Owner of the new prospect</source>
        <translation>Propietario del nuevo cliente potencial</translation>
    </message>
    <message>
        <source>Who looks after the new prospect (by default the colleague you hand over to)</source>
        <translation>Quién atiende al nuevo cliente potencial (por defecto, el compañero al que se lo pasas)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>What they want, what was said</source>
        <translation>Qué quiere, qué se dijo</translation>
    </message>
    <message>
        <source>No one (I handle it)</source>
        <translation>Nadie (me encargo yo)</translation>
    </message>
    <message>
        <source>Hand over to</source>
        <translation>Pasar a</translation>
    </message>
    <message>
        <source>Follow-up for the colleague</source>
        <translation>Seguimiento para el compañero</translation>
    </message>
    <message>
        <source>Call back (filled from the note)</source>
        <translation>Devolver la llamada (se rellena con la nota)</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Vencimiento del seguimiento</translation>
    </message>
    <message>
        <source>When the colleague should have done it (the next working hour by default)</source>
        <translation>Cuándo debería haberlo hecho el compañero (por defecto, la siguiente hora laborable)</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Guardar (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Quién</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>&amp;Propietario</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Canal</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>&amp;Sentido</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>&amp;Hand over to</source>
        <translation>Pasar &amp;a</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation>&amp;Vence</translation>
    </message>
    <message>
        <source>↑/↓ choose · Enter confirm · Tab next field · Ctrl+Enter save</source>
        <translation>↑/↓ elegir · Intro confirmar · Tab siguiente campo · Ctrl+Intro guardar</translation>
    </message>
    <message>
        <source>+ New prospect: “{name}”</source>
        <translation>+ Nuevo cliente potencial: «{name}»</translation>
    </message>
    <message>
        <source>New prospect: {name}</source>
        <translation>Nuevo cliente potencial: {name}</translation>
    </message>
    <message>
        <source>Customer: {name}</source>
        <translation>Cliente: {name}</translation>
    </message>
    <message>
        <source>Call back: {note}</source>
        <translation>Devolver la llamada: {note}</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Devolver la llamada</translation>
    </message>
    <message>
        <source>Type who it is, then choose them (Enter).</source>
        <translation>Escribe quién es y elígelo (Intro).</translation>
    </message>
    <message>
        <source>Not saved. {problems}</source>
        <translation>No se ha guardado. {problems}</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <source>Redeem points — {customer}</source>
        <translation>Canjear puntos — {customer}</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Recompensa</translation>
    </message>
    <message numerus="yes">
        <source>{reward} — {count} point(s)</source>
        <translation>
            <numerusform>{reward} — {count} punto</numerusform>
            <numerusform>{reward} — {count} puntos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{reward} — {count} point(s)  (not enough points)</source>
        <translation>
            <numerusform>{reward} — {count} punto  (no hay puntos suficientes)</numerusform>
            <numerusform>{reward} — {count} puntos  (no hay puntos suficientes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Other: points only</source>
        <translation>Otro: solo puntos</translation>
    </message>
    <message>
        <source>Points to redeem</source>
        <translation>Puntos que canjear</translation>
    </message>
    <message numerus="yes">
        <source>Balance: {count} point(s)</source>
        <translation>
            <numerusform>Saldo: {count} punto</numerusform>
            <numerusform>Saldo: {count} puntos</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reward</source>
        <translation>&amp;Recompensa</translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>&amp;Puntos</translation>
    </message>
    <message numerus="yes">
        <source>{count} point(s) short: the balance is {balance}.</source>
        <translation>
            <numerusform>Falta {count} punto: el saldo es {balance}.</numerusform>
            <numerusform>Faltan {count} puntos: el saldo es {balance}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} point(s) will be left.</source>
        <translation>
            <numerusform>Quedará {count} punto.</numerusform>
            <numerusform>Quedarán {count} puntos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse purchase</source>
        <translation>Anular compra</translation>
    </message>
    <message>
        <source>purchase</source>
        <translation>compra</translation>
    </message>
    <message>
        <source>{date}: {what}, {amount}</source>
        <translation>{date}: {what}, {amount}</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>e.g. Item returned</source>
        <translation>p. ej. Artículo devuelto</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message numerus="yes">
        <source>Takes back the {count} point(s) it earned (as far as they are unspent). The purchase stays in the history.</source>
        <translation>
            <numerusform>Retira el {count} punto que ganó (si no se ha gastado). La compra se queda en el historial.</numerusform>
            <numerusform>Retira los {count} puntos que ganó (en la medida en que no se hayan gastado). La compra se queda en el historial.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettleCommand</name>
    <message>
        <source>a record</source>
        <translation>un registro</translation>
    </message>
    <message>
        <source>Keep mine for {customer}</source>
        <translation>Conservar el mío para {customer}</translation>
    </message>
    <message>
        <source>Keep theirs for {customer}</source>
        <translation>Conservar el suyo para {customer}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — {book}</source>
        <extracomment>Wrong attempts after which the dialog waits before it accepts another one.</extracomment>
        <translation>Iniciar sesión — {book}</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>{book} is shared by several people: say who you are.</source>
        <translation>{book} lo comparten varias personas: indica quién eres.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>Iniciar sesión</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <source>Loyalty statement — {customer}</source>
        <translation>Extracto de fidelización — {customer}</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Periodo</translation>
    </message>
</context>
<context>
    <name>TemplateLibraryDialog</name>
    <message>
        <source>How to address the person: Dear Mrs Peña / Hi Lola / Estimada Sra. Peña</source>
        <translation>Cómo dirigirse a la persona: Estimada Sra. Peña / Hola, Lola / Dear Mrs Peña</translation>
    </message>
    <message>
        <source>The greeting with its punctuation: “Dear Mrs Peña,” / “Estimada Sra. Peña:”</source>
        <translation>El saludo con su puntuación: «Estimada Sra. Peña:» / «Dear Mrs Peña,»</translation>
    </message>
    <message>
        <source>Preferred name, else given name</source>
        <translation>Nombre preferido o, si no hay, el nombre de pila</translation>
    </message>
    <message>
        <source>Preferred name (may be empty)</source>
        <translation>Nombre preferido (puede estar vacío)</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre de pila</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Given and family name</source>
        <translation>Nombre y apellidos</translation>
    </message>
    <message>
        <source>Mr, Mrs, Dr, Sra.…</source>
        <translation>Sr., Sra., Dr., Mrs…</translation>
    </message>
    <message>
        <source>True when the client is addressed formally</source>
        <translation>Verdadero cuando al cliente se le trata de usted</translation>
    </message>
    <message>
        <source>True when the client is addressed informally</source>
        <translation>Verdadero cuando al cliente se le tutea</translation>
    </message>
    <message>
        <source>en or es</source>
        <translation>en o es</translation>
    </message>
    <message>
        <source>Today&apos;s date in the client&apos;s language</source>
        <translation>La fecha de hoy en el idioma del cliente</translation>
    </message>
    <message>
        <source>The client&apos;s executive</source>
        <translation>El ejecutivo o la ejecutiva del cliente</translation>
    </message>
    <message>
        <source>Who signs: the executive (or you) and the business</source>
        <translation>Quién firma: el ejecutivo (o tú) y el negocio</translation>
    </message>
    <message>
        <source>You (the person writing)</source>
        <translation>Tú (quien escribe)</translation>
    </message>
    <message>
        <source>The business name of the letterhead</source>
        <translation>El nombre del negocio del membrete</translation>
    </message>
    <message>
        <source>The client&apos;s first e-mail address</source>
        <translation>La primera dirección de correo del cliente</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Profesión</translation>
    </message>
    <message>
        <source>Segment (VIP, Premium…)</source>
        <translation>Segmento (VIP, Premium…)</translation>
    </message>
    <message>
        <source>Loyalty tier</source>
        <translation>Nivel de fidelización</translation>
    </message>
    <message>
        <source>Points balance, as written in the client&apos;s language</source>
        <translation>Saldo de puntos, escrito en el idioma del cliente</translation>
    </message>
    <message>
        <source>True when the client has points</source>
        <translation>Verdadero cuando el cliente tiene puntos</translation>
    </message>
    <message>
        <source>Points expiring in the next 90 days</source>
        <translation>Puntos que caducan en los próximos 90 días</translation>
    </message>
    <message>
        <source>When the first of them expire</source>
        <translation>Cuándo caducan los primeros</translation>
    </message>
    <message>
        <source>The next open follow-up&apos;s date (empty if none)</source>
        <translation>La fecha del próximo seguimiento abierto (vacío si no hay)</translation>
    </message>
    <message>
        <source>The oldest open promise made to the client (empty if none)</source>
        <translation>La promesa abierta más antigua hecha al cliente (vacío si no hay)</translation>
    </message>
    <message>
        <source>Birthday (day and month)</source>
        <translation>Cumpleaños (día y mes)</translation>
    </message>
    <message>
        <source>Message Templates</source>
        <translation>Plantillas de mensajes</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Nombre de la plantilla</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Each template has a version per language</source>
        <translation>Cada plantilla tiene una versión por idioma</translation>
    </message>
    <message>
        <source>Subject template</source>
        <translation>Plantilla del asunto</translation>
    </message>
    <message>
        <source>Body template</source>
        <translation>Plantilla del texto</translation>
    </message>
    <message>
        <source>Template problems</source>
        <translation>Problemas de la plantilla</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Merge fields</source>
        <translation>Campos de combinación</translation>
    </message>
    <message>
        <source>Double-click to insert the field at the cursor</source>
        <translation>Doble clic para insertar el campo en el cursor</translation>
    </message>
    <message>
        <source>{name} — {description}</source>
        <translation>{name} — {description}</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Purpose, channel, language:</source>
        <translation>Finalidad, canal, idioma:</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>As&amp;unto:</translation>
    </message>
    <message>
        <source>Preview for the selected customer:</source>
        <translation>Vista previa para el cliente seleccionado:</translation>
    </message>
    <message>
        <source>Preview (sample client):</source>
        <translation>Vista previa (cliente de ejemplo):</translation>
    </message>
    <message>
        <source>Merge fields ({% if formal %}…{% endif %} for parts only some clients get):</source>
        <translation>Campos de combinación ({% if formal %}…{% endif %} para las partes que solo reciben algunos clientes):</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>Nue&amp;va</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Delete Version</source>
        <translation>&amp;Eliminar versión</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Only managers edit templates; you can read and use them.</source>
        <translation>Solo los responsables editan las plantillas; tú puedes leerlas y usarlas.</translation>
    </message>
    <message>
        <source>{template}
  {channel} · {languages}</source>
        <translation>{template}
  {channel} · {languages}</translation>
    </message>
    <message>
        <source>✓ No problems.</source>
        <translation>✓ Sin problemas.</translation>
    </message>
    <message>
        <source>Hint, line {line}: {message}</source>
        <translation>Consejo, línea {line}: {message}</translation>
    </message>
    <message>
        <source>Hint: {message}</source>
        <translation>Consejo: {message}</translation>
    </message>
    <message>
        <source>(No preview: {error})</source>
        <translation>(Sin vista previa: {error})</translation>
    </message>
    <message>
        <source>Subject: {subject}</source>
        <translation>Asunto: {subject}</translation>
    </message>
    <message>
        <source>Delete the {language} version of “{template}”?</source>
        <translation>¿Eliminar la versión en {language} de «{template}»?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
</context>
<context>
    <name>_AddressRow</name>
    <message>
        <source>Street and number</source>
        <translation>Calle y número</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Region / state</source>
        <translation>Provincia / región</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Remove this address</source>
        <translation>Quitar esta dirección</translation>
    </message>
    <message>
        <source>Remove address</source>
        <translation>Quitar dirección</translation>
    </message>
</context>
<context>
    <name>_JobDialog</name>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation>No hay nada que hacer.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>crmdesk could not start the job (the Python interpreter is missing?).</source>
        <translation>crmdesk no ha podido iniciar la tarea (¿falta el intérprete de Python?).</translation>
    </message>
    <message numerus="yes">
        <source>{stage}… {count} record(s)</source>
        <translation>
            <numerusform>{stage}… {count} registro</numerusform>
            <numerusform>{stage}… {count} registros</numerusform>
        </translation>
    </message>
    <message>
        <source>{stage}…</source>
        <translation>{stage}…</translation>
    </message>
    <message>
        <source>The job stopped without saying why.</source>
        <translation>La tarea se ha detenido sin indicar el motivo.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>_LoyaltyDialog</name>
    <message>
        <source>What this will do</source>
        <translation>Qué se va a hacer</translation>
    </message>
</context>
<context>
    <name>_PointRow</name>
    <message>
        <source>Remove this {noun}</source>
        <translation>Quitar: {noun}</translation>
    </message>
    <message>
        <source>Remove {noun}</source>
        <translation>Quitar {noun}</translation>
    </message>
</context>
<context>
    <name>_RowList</name>
    <message>
        <source>{action} (another one)</source>
        <translation>{action}: una fila más</translation>
    </message>
</context>
<context>
    <name>conflicts_dialog</name>
    <message>
        <source>unknown time</source>
        <translation>hora desconocida</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>El tuyo</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>El otro</translation>
    </message>
    <message>
        <source>In the book now</source>
        <translation>El del libro ahora</translation>
    </message>
    <message>
        <source>The other value</source>
        <translation>El otro valor</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>el mío</translation>
    </message>
    <message>
        <source>theirs</source>
        <translation>el suyo</translation>
    </message>
    <message>
        <source>{table} (new row)</source>
        <translation>{table} (fila nueva)</translation>
    </message>
    <message>
        <source>{table} (deleted)</source>
        <translation>{table} (eliminada)</translation>
    </message>
</context>
<context>
    <name>contact_rows</name>
    <message>
        <source>Label, e.g. home or work</source>
        <translation>Etiqueta, p. ej. casa o trabajo</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
</context>
<context>
    <name>interaction_dialogs</name>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
</context>
<context>
    <name>passphrase</name>
    <message>
        <source>Encrypted book</source>
        <translation>Libro cifrado</translation>
    </message>
    <message>
        <source>New passphrase (without it the book cannot be opened):</source>
        <translation>Nueva frase de contraseña (sin ella no se puede abrir el libro):</translation>
    </message>
    <message>
        <source>The same passphrase again:</source>
        <translation>La misma frase de contraseña otra vez:</translation>
    </message>
</context>
<context>
    <name>sign_in</name>
    <message>
        <source>{attempts} wrong attempts: wait {seconds} seconds before the next one.</source>
        <translation>{attempts} intentos fallidos: espera {seconds} segundos antes del siguiente.</translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
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
        <translation>Asistencia personal</translation>
    </message>
    <message>
        <source>Exclusive personal assistance</source>
        <translation>Asistencia personal exclusiva</translation>
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
        <translation>Chat / mensajería instantánea</translation>
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
        <translation>Formal</translation>
    </message>
    <message>
        <source>Informal</source>
        <translation>Informal</translation>
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
        <translation>Abierto</translation>
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
        <translation>Propietario / responsable</translation>
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
        <source>SMS / chat</source>
        <translation>SMS / chat</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Cumpleaños</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Agradecimiento</translation>
    </message>
    <message>
        <source>Document request</source>
        <translation>Solicitud de documentos</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Segment announcement</source>
        <translation>Anuncio para un segmento</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>Consultado</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivado</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurado</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportado</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impreso</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionado</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Restored the book</source>
        <translation>Libro restaurado</translation>
    </message>
    <message>
        <source>Encrypted the book</source>
        <translation>Libro cifrado</translation>
    </message>
    <message>
        <source>Forgot</source>
        <translation>Olvidado</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Inició sesión</translation>
    </message>
    <message>
        <source>Failed to sign in</source>
        <translation>Inicio de sesión fallido</translation>
    </message>
    <message>
        <source>Failed to unlock</source>
        <translation>Desbloqueo fallido</translation>
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
</context>
</TS>
