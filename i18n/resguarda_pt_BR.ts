<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>BackupCommand</name>
    <message>
        <source>Makes a copy (Cópia de Segurança) of the companies of a system.</source>
        <translation>Gera a Cópia de Segurança das empresas de um sistema.</translation>
    </message>
    <message>
        <source>Installation folder of the system.</source>
        <translation>Pasta de instalação do sistema.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>PASTA</translation>
    </message>
    <message>
        <source>SIS</source>
        <translation>SIS</translation>
    </message>
    <message>
        <source>Copy file, or an existing folder to write Copia&lt;SIS&gt;.zip into. Default: &lt;root&gt;/Copias.</source>
        <translation>Arquivo da cópia, ou uma pasta existente onde gravar Copia&lt;SIS&gt;.zip. Padrão: &lt;raiz&gt;/Copias.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>CAMINHO</translation>
    </message>
    <message>
        <source>C1,C2</source>
        <translation>C1,C2</translation>
    </message>
    <message>
        <source>Include the document templates (Inclui Modelos de Documentos).</source>
        <translation>Inclui Modelos de Documentos (consultas, etiquetas e documentos do configurador).</translation>
    </message>
    <message>
        <source>Leave out annual and monthly tables before YEAR, archived or not (Não Considera Arquivos Mortos). Data left out cannot be recovered from this copy.</source>
        <translation>Não Considera Arquivos Mortos: deixa de fora as tabelas anuais e mensais, em arquivo morto ou não, anteriores a ANO. Os dados deixados de fora não poderão ser recuperados desta cópia.</translation>
    </message>
    <message>
        <source>YEAR</source>
        <translation>ANO</translation>
    </message>
    <message>
        <source>Keep one set per weekday: today&apos;s set is replaced, the others are kept.</source>
        <translation>Mantém um jogo de backup por dia da semana: o jogo de hoje é substituído, os outros são mantidos.</translation>
    </message>
    <message>
        <source>An extra copy (before an annual closing, say), with the label and date in its name.</source>
        <translation>Uma cópia extra (antes de um fechamento anual, por exemplo), com a identificação e a data no nome.</translation>
    </message>
    <message>
        <source>LABEL</source>
        <translation>IDENTIFICAÇÃO</translation>
    </message>
    <message>
        <source>Print only the result and errors.</source>
        <translation>Mostra somente o resultado e os erros.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argumento inesperado: %1</translation>
    </message>
    <message>
        <source>Say which installation to copy with --root DIR.</source>
        <translation>Informe a instalação a copiar com --root PASTA.</translation>
    </message>
    <message>
        <source>--rotation accepts only &quot;weekday&quot;.</source>
        <translation>--rotation aceita somente &quot;weekday&quot; (dia da semana).</translation>
    </message>
    <message>
        <source>--extra needs a label.</source>
        <translation>--extra precisa de uma identificação.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Aviso: %1</translation>
    </message>
    <message>
        <source>Backup completed successfully: %1</source>
        <translation>Cópia de Segurança Realizada com Sucesso: %1</translation>
    </message>
    <message>
        <source>  system %1: %2 files, %3 of data in a copy of %4, verified.</source>
        <translation>  sistema %1: %2 arquivos, %3 de dados numa cópia de %4, verificada.</translation>
    </message>
    <message>
        <source>Empty the removable destination disk (Apaga conteúdo do disco de destino): everything on it is deleted; previous copies only after the new one is verified.</source>
        <translation>Apaga conteúdo do disco de destino (removível): tudo nele é apagado; as cópias anteriores, só depois de a nova ser verificada.</translation>
    </message>
    <message>
        <source>Marks the run as the scheduled daily copy: a failure is shown in red on the app&apos;s Home until a later copy succeeds.</source>
        <translation>Marca a execução como a cópia diária agendada: uma falha aparece em vermelho no Início do aplicativo até que uma cópia posterior dê certo.</translation>
    </message>
    <message>
        <source>Refuse to copy unless the --output folder is on a mounted disk of its own (not the system&apos;s disk nor the installation&apos;s): a pen drive that is not plugged in fails instead of filling its empty mount point.</source>
        <translation>Recusa a cópia se a pasta de --output não estiver num disco montado próprio (nem o disco do sistema, nem o da instalação): um pen drive que não está conectado faz a cópia falhar, em vez de encher a pasta vazia onde ele seria montado.</translation>
    </message>
    <message>
        <source>Write the copy even if some files or folders cannot be read (links, special files, no permission): it is marked incomplete everywhere it is shown, names what it left out, and the command exits with 5. Without it such a backup fails (exit 1).</source>
        <translation>Grava a cópia mesmo que alguns arquivos ou pastas não possam ser lidos (links, arquivos especiais, sem permissão): ela fica marcada como incompleta em todo lugar em que aparece, diz o que ficou de fora, e o comando termina com 5. Sem esta opção, uma cópia assim falha (saída 1).</translation>
    </message>
    <message numerus="yes">
        <source>INCOMPLETE copy written (%n item(s) left out): %1</source>
        <translation>
            <numerusform>Cópia INCOMPLETA gravada (%n item ficou de fora): %1</numerusform>
            <numerusform>Cópia INCOMPLETA gravada (%n itens ficaram de fora): %1</numerusform>
        </translation>
    </message>
    <message>
        <source>System to copy (may be left out when only one is installed). With --all-systems, the system copied first, whose companies --companies names.</source>
        <translation>Sistema a copiar (pode ser omitido quando só um está instalado). Com --all-systems, o sistema copiado primeiro, cujas empresas --companies indica.</translation>
    </message>
    <message>
        <source>Only these companies of the --system, by code, separated by commas. Default: all. With --all-systems the other systems are copied with all their companies: the same code in another system is another company.</source>
        <translation>Somente estas empresas do --system, pelo código, separadas por vírgulas. Padrão: todas. Com --all-systems os demais sistemas são copiados com todas as suas empresas: o mesmo código em outro sistema é outra empresa.</translation>
    </message>
    <message>
        <source>One copy of every installed system (Gera Cópia dos Demais Sistemas): the --system first, then the others.</source>
        <translation>Uma cópia de cada sistema instalado (Gera Cópia dos Demais Sistemas): o --system primeiro, depois os demais.</translation>
    </message>
    <message>
        <source>Then send the copies off site, to NAME:FOLDER of a remote configured with &quot;rclone config&quot;: each replaces the remote copy of its name only once it is there whole and checked. When sending fails the copies made here stay, and the command exits with 7.</source>
        <translation>Depois envia as cópias para fora do local, para NOME:PASTA de um remoto configurado com &quot;rclone config&quot;: cada uma substitui a cópia remota de mesmo nome só depois de estar lá inteira e conferida. Se o envio falhar, as cópias feitas aqui ficam, e o comando termina com 7.</translation>
    </message>
    <message>
        <source>NAME:FOLDER</source>
        <translation>NOME:PASTA</translation>
    </message>
    <message>
        <source>The copy was not sent off site: it is incomplete, and would replace a complete one there.</source>
        <translation>A cópia não foi enviada para fora do local: ela está incompleta e substituiria lá uma cópia completa.</translation>
    </message>
</context>
<context>
    <name>BackupCompaniesStep</name>
    <message>
        <source>Which companies?</source>
        <translation>Quais empresas?</translation>
    </message>
    <message>
        <source>Measuring the companies&apos; folders…</source>
        <translation>Medindo as pastas das empresas…</translation>
    </message>
</context>
<context>
    <name>BackupDestinationStep</name>
    <message>
        <source>Where should the copy go?</source>
        <translation>Onde gravar a cópia?</translation>
    </message>
    <message>
        <source>Choose a pen drive or an external disk, or keep the default folder. The copy replaces only the file of the same name, and only after it has been verified.</source>
        <translation>Escolha um pen drive ou um HD externo, ou mantenha a pasta padrão. A cópia substitui somente o arquivo de mesmo nome, e só depois de verificada.</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Pasta:</translation>
    </message>
    <message>
        <source>Other folder…</source>
        <translation>Outra pasta…</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Nome do arquivo:</translation>
    </message>
    <message>
        <source>Free at the destination: %1. Companies to copy: %2 (the copy is usually much smaller).</source>
        <translation>Livre no destino: %1. Empresas a copiar: %2 (a cópia costuma ser bem menor).</translation>
    </message>
    <message>
        <source>This copy stays inside this computer</source>
        <translation>Esta cópia fica dentro deste computador</translation>
    </message>
    <message>
        <source>It is worth having this copy, but it is essential to also make one on a pen drive or an external disk: if this computer fails, a copy on its own disk is lost with it.</source>
        <translation>É interessante ter esta cópia, mas é imprescindível fazê-la também em pen drive ou HD externo: se este computador falhar, uma cópia no próprio disco se perde junto com ele.</translation>
    </message>
</context>
<context>
    <name>BackupOptionsStep</name>
    <message>
        <source>Options</source>
        <translation>Opções</translation>
    </message>
    <message>
        <source>Include document templates</source>
        <translation>Inclui Modelos de Documentos</translation>
    </message>
    <message>
        <source>Also copies the queries, labels and documents set up in the document designer.</source>
        <translation>Copia também as consultas, etiquetas e documentos configurados no configurador de documentos.</translation>
    </message>
    <message>
        <source>Leave out the archived years (arquivo morto)</source>
        <translation>Não Considera Arquivos Mortos</translation>
    </message>
    <message>
        <source>For a smaller copy: annual and monthly tables are included only from the year below on.</source>
        <translation>Para uma cópia menor: as tabelas anuais e mensais são incluídas somente a partir do ano abaixo.</translation>
    </message>
    <message>
        <source>Include tables from the year</source>
        <translation>Incluir as tabelas a partir do ano</translation>
    </message>
    <message>
        <source>Data left out of this copy (tables before %1) cannot be recovered from it in the future, if it is ever needed.</source>
        <translation>Os dados que ficarem fora desta cópia (tabelas anteriores a %1) não poderão ser recuperados dela no futuro, caso seja necessário.</translation>
    </message>
    <message>
        <source>Copy the other systems too</source>
        <translation>Gera Cópia dos Demais Sistemas</translation>
    </message>
    <message>
        <source>Makes one copy of each installed system now, with the same options, instead of opening each system in turn.</source>
        <translation>Gera agora uma cópia de cada sistema instalado, com as mesmas opções, sem precisar abrir um sistema por vez.</translation>
    </message>
    <message>
        <source>Kind of copy</source>
        <translation>Tipo de cópia</translation>
    </message>
    <message>
        <source>One copy, replaced each time</source>
        <translation>Uma cópia, substituída a cada vez</translation>
    </message>
    <message>
        <source>A set for each weekday (today&apos;s set is replaced, the others kept)</source>
        <translation>Um jogo para cada dia da semana (o jogo de hoje é substituído, os outros mantidos)</translation>
    </message>
    <message>
        <source>An extra copy, kept apart (before an annual closing or sending data to the arquivo morto)</source>
        <translation>Uma cópia extra, guardada à parte (antes de um fechamento anual ou do envio ao arquivo morto)</translation>
    </message>
    <message>
        <source>Label, e.g. Annual closing 2025</source>
        <translation>Identificação, por exemplo Fechamento 2025</translation>
    </message>
    <message>
        <source>Empty the destination disk</source>
        <translation>Apaga conteúdo do disco de destino</translation>
    </message>
    <message>
        <source>Counting the files on %1…</source>
        <translation>Contando os arquivos de %1…</translation>
    </message>
    <message>
        <source>Erases everything on %1 (%2 files). Previous copies are erased only after the new one is verified.</source>
        <translation>Apaga tudo em %1 (%2 arquivos). As cópias anteriores só são apagadas depois de a nova ser verificada.</translation>
    </message>
    <message>
        <source>Allow an incomplete copy</source>
        <translation>Permitir cópia incompleta</translation>
    </message>
    <message>
        <source>Only when a copy fails because some files cannot be read.</source>
        <translation>Só quando a cópia falha porque alguns arquivos não podem ser lidos.</translation>
    </message>
    <message>
        <source>Files that cannot be read will be left out and the copy will be marked INCOMPLETE. Use only to save what can be saved.</source>
        <translation>Os arquivos que não podem ser lidos ficarão de fora e a cópia será marcada como INCOMPLETA. Use somente para salvar o que for possível.</translation>
    </message>
    <message>
        <source>Will be written as: %1</source>
        <translation>Será gravada como: %1</translation>
    </message>
    <message>
        <source>Protect the copy with a password</source>
        <translation>Protege a cópia com senha</translation>
    </message>
    <message>
        <source>The copy is encrypted (AES-256): without the password nobody can open it, not even to restore it.</source>
        <translation>A cópia é criptografada (AES-256): sem a senha ninguém consegue abri-la, nem mesmo para restaurá-la.</translation>
    </message>
    <message>
        <source>Password (at least 12 characters)</source>
        <translation>Senha (no mínimo 12 caracteres)</translation>
    </message>
    <message>
        <source>The same password again</source>
        <translation>A mesma senha outra vez</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Mostrar a senha</translation>
    </message>
    <message>
        <source>Write the password down and keep it in a safe place, away from the copy. If it is lost, the copy cannot be restored.</source>
        <translation>Anote a senha e guarde-a em local seguro, longe da cópia. Se ela for perdida, a cópia não poderá ser restaurada.</translation>
    </message>
</context>
<context>
    <name>BackupResultStep</name>
    <message>
        <source>The copy was read back and verified.</source>
        <translation>A cópia foi lida de volta e verificada.</translation>
    </message>
    <message>
        <source>The copy was written and verified, but it is not a full backup: what is listed below is not in it. Make a complete copy as soon as these files can be read.</source>
        <translation>A cópia foi gravada e conferida, mas não é uma cópia completa: o que está listado abaixo não está nela. Faça uma cópia completa assim que esses arquivos puderem ser lidos.</translation>
    </message>
    <message>
        <source>Left out of the copy:</source>
        <translation>Ficaram de fora da cópia:</translation>
    </message>
    <message>
        <source>This copy is on this computer&apos;s own disk. Make one on a pen drive or an external disk too, and keep it away from the computer.</source>
        <translation>Esta cópia está no disco deste computador. Faça também uma em pen drive ou HD externo e guarde-a longe do computador.</translation>
    </message>
    <message>
        <source>Keep this copy away from the computer, and never keep only one copy: use a set for each working day.</source>
        <translation>Guarde esta cópia longe do computador, e jamais mantenha somente uma cópia: use um jogo para cada dia de trabalho.</translation>
    </message>
    <message>
        <source>The copy is protected with a password</source>
        <translation>A cópia está protegida com senha</translation>
    </message>
    <message>
        <source>Keep the password in a safe place, away from the copy: without it this copy cannot be restored, by you or by anyone.</source>
        <translation>Guarde a senha em local seguro, longe da cópia: sem ela esta cópia não pode ser restaurada, nem por você nem por ninguém.</translation>
    </message>
    <message>
        <source>%1
The copy below was written and verified here. The cloud keeps its previous copy, if any, unchanged. Make the copy again to send it, or send this one later with &quot;resguarda-cli send&quot;.</source>
        <translation>%1
A cópia abaixo foi gravada e conferida aqui. A nuvem mantém a cópia anterior, se houver, sem alteração. Faça a cópia de novo para enviá-la, ou envie esta mais tarde com &quot;resguarda-cli send&quot;.</translation>
    </message>
    <message>
        <source>Sent to the cloud:</source>
        <translation>Enviada para a nuvem:</translation>
    </message>
</context>
<context>
    <name>BackupSummaryStep</name>
    <message>
        <source>Ready to copy</source>
        <translation>Pronto para copiar</translation>
    </message>
    <message>
        <source>Make sure nobody is using the system on this or another machine: the copy will not start otherwise.</source>
        <translation>Certifique-se de que ninguém esteja usando o sistema nesta ou em outra máquina: caso contrário a cópia não começa.</translation>
    </message>
    <message>
        <source>Destination: %1</source>
        <translation>Destino: %1</translation>
    </message>
    <message>
        <source>Working out what each copy will hold…</source>
        <translation>Calculando o que cada cópia vai conter…</translation>
    </message>
    <message>
        <source>With document templates.</source>
        <translation>Com modelos de documentos.</translation>
    </message>
    <message>
        <source>Without document templates.</source>
        <translation>Sem modelos de documentos.</translation>
    </message>
    <message>
        <source>Annual and monthly tables from %1 on.</source>
        <translation>Tabelas anuais e mensais a partir de %1.</translation>
    </message>
    <message>
        <source>All years, archived ones included.</source>
        <translation>Todos os anos, inclusive os do arquivo morto.</translation>
    </message>
    <message>
        <source>Everything else on %1 will be erased.</source>
        <translation>Todo o restante em %1 será apagado.</translation>
    </message>
    <message>
        <source>Files that cannot be read will be left out and the copy will be marked INCOMPLETE.</source>
        <translation>Os arquivos que não podem ser lidos ficarão de fora e a cópia será marcada como INCOMPLETA.</translation>
    </message>
    <message>
        <source>This copy stays on this computer&apos;s own disk. Make one on a pen drive or external disk too.</source>
        <translation>Esta cópia fica no disco deste computador. Faça também uma em pen drive ou HD externo.</translation>
    </message>
    <message>
        <source>Protected with a password</source>
        <translation>Protegida com senha</translation>
    </message>
    <message>
        <source>The copy will be encrypted with the password you typed. Without it the copy cannot be restored.</source>
        <translation>A cópia será criptografada com a senha digitada. Sem ela a cópia não poderá ser restaurada.</translation>
    </message>
    <message>
        <source>Then sent to the cloud: %1</source>
        <translation>Depois enviada para a nuvem: %1</translation>
    </message>
    <message>
        <source>This copy stays on this computer&apos;s own disk, and a copy goes to the cloud. A pen drive or external disk too keeps one at hand.</source>
        <translation>Esta cópia fica no próprio disco deste computador, e uma cópia vai para a nuvem. Um pen drive ou disco externo também deixa uma à mão.</translation>
    </message>
</context>
<context>
    <name>BackupWizard</name>
    <message>
        <source>Backup copy</source>
        <translation>Cópia de Segurança</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opções</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Empresas</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumo</translation>
    </message>
    <message>
        <source>Copying</source>
        <translation>Copiando</translation>
    </message>
    <message>
        <source>Make the copy</source>
        <translation>Gerar Cópia</translation>
    </message>
    <message>
        <source>Making the copy…</source>
        <translation>Gerando a cópia…</translation>
    </message>
    <message>
        <source>The previous copy stays intact until the new one has been verified. You can cancel at any moment.</source>
        <translation>A cópia anterior fica intacta até a nova ser verificada. Você pode cancelar a qualquer momento.</translation>
    </message>
    <message>
        <source>Correct the options to continue</source>
        <translation>Corrija as opções para continuar</translation>
    </message>
</context>
<context>
    <name>CommandParser</name>
    <message>
        <source>Show this help.</source>
        <translation>Mostra esta ajuda.</translation>
    </message>
    <message>
        <source>See: resguarda-cli %1 --help</source>
        <translation>Veja: resguarda-cli %1 --help</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3.</source>
        <translation>--%1 deve ser um número inteiro de %2 a %3.</translation>
    </message>
    <message>
        <source>--companies needs at least one company code.</source>
        <translation>--companies precisa de pelo menos um código de empresa.</translation>
    </message>
    <message>
        <source>Write a protected copy, encrypted (AES-256) with the password in FILE: its first line, at least %1 characters. FILE must be readable by its owner only (chmod 600). Keep the password: without it the copy cannot be restored.</source>
        <translation>Gera uma cópia protegida, criptografada (AES-256) com a senha contida em ARQUIVO: sua primeira linha, com no mínimo %1 caracteres. ARQUIVO deve poder ser lido somente por seu dono (chmod 600). Guarde a senha: sem ela a cópia não pode ser restaurada.</translation>
    </message>
    <message>
        <source>The password of a protected copy, in FILE (its first line; readable by its owner only).</source>
        <translation>A senha de uma cópia protegida, em ARQUIVO (sua primeira linha; legível somente por seu dono).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARQUIVO</translation>
    </message>
    <message>
        <source>As --password-file, the password read from the first line of standard input.</source>
        <translation>Como --password-file, com a senha lida da primeira linha da entrada padrão.</translation>
    </message>
    <message>
        <source>The password of a protected copy, read from the first line of standard input.</source>
        <translation>A senha de uma cópia protegida, lida da primeira linha da entrada padrão.</translation>
    </message>
    <message>
        <source>Give the password with --password-file or --password-stdin, not both.</source>
        <translation>Informe a senha com --password-file ou com --password-stdin, não com os dois.</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Senha: </translation>
    </message>
    <message>
        <source>Repeat the password: </source>
        <translation>Repita a senha: </translation>
    </message>
    <message>
        <source>The two passwords typed differ. Nothing was done.</source>
        <translation>As duas senhas digitadas são diferentes. Nada foi feito.</translation>
    </message>
</context>
<context>
    <name>CompanyList</name>
    <message>
        <source>Search by code, name or CNPJ</source>
        <translation>Procurar por código, nome ou CNPJ</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nenhuma</translation>
    </message>
    <message>
        <source>%1 of %2 companies selected, %3</source>
        <translation>%1 de %2 empresas marcadas, %3</translation>
    </message>
    <message>
        <source>CNPJ %1 · years %2</source>
        <translation>CNPJ %1 · anos %2</translation>
    </message>
    <message>
        <source>CNPJ %1</source>
        <translation>CNPJ %1</translation>
    </message>
    <message>
        <source>No company matches the search.</source>
        <translation>Nenhuma empresa corresponde à busca.</translation>
    </message>
    <message>
        <source>No companies.</source>
        <translation>Nenhuma empresa.</translation>
    </message>
    <message>
        <source>INCOMPLETE</source>
        <translation>INCOMPLETA</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>[y/N]</source>
        <translation>[s/N]</translation>
    </message>
    <message>
        <source>y</source>
        <translation>s</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
</context>
<context>
    <name>CopyContainer</name>
    <message>
        <source>The copy %1 does not exist.</source>
        <translation>A cópia %1 não existe.</translation>
    </message>
    <message>
        <source>Out of memory while opening %1.</source>
        <translation>Memória insuficiente para abrir %1.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2. Check the disk or copy the file elsewhere and try again.</source>
        <translation>Não foi possível ler %1: %2. Verifique o disco ou copie o arquivo para outro lugar e tente novamente.</translation>
    </message>
    <message>
        <source>%1 is not a container Resguarda can read (.7z, .rar, .tar, .tar.gz, .tar.xz, .tar.zst): %2. Name the copy (Copia*.zip) itself.</source>
        <translation>%1 não é um arquivo compactado que o Resguarda consiga ler (.7z, .rar, .tar, .tar.gz, .tar.xz, .tar.zst): %2. Informe a própria cópia (Copia*.zip).</translation>
    </message>
    <message>
        <source>%1 is encrypted (protected by a password), and Resguarda cannot read encrypted containers. Unpack the copy (Copia*.zip) with the program that packed it and name that file instead.</source>
        <translation>%1 está criptografado (protegido por senha), e o Resguarda não lê arquivos compactados criptografados. Extraia a cópia (Copia*.zip) com o programa que a compactou e informe esse arquivo.</translation>
    </message>
    <message>
        <source>The container %1 is damaged: %2. Use another copy.</source>
        <translation>O arquivo compactado %1 está danificado: %2. Use outra cópia.</translation>
    </message>
    <message>
        <source>%1 holds more than one copy: %2, %3. Choose one: unpack it with the program that packed the container and name that file.</source>
        <translation>%1 contém mais de uma cópia: %2, %3. Escolha uma: extraia-a com o programa que gerou o arquivo compactado e informe esse arquivo.</translation>
    </message>
    <message>
        <source>There is not enough free space in %1 to unpack the copy %2 from %3: it needs %4 and %5 are free. Free up space there and try again.</source>
        <translation>Não há espaço livre suficiente em %1 para extrair a cópia %2 de %3: são necessários %4 e há %5 livres. Libere espaço e tente novamente.</translation>
    </message>
    <message>
        <source>Cannot create a temporary file in %1 to unpack the copy from %2: %3. Check that the folder exists and can be written.</source>
        <translation>Não foi possível criar um arquivo temporário em %1 para extrair a cópia de %2: %3. Verifique se a pasta existe e permite gravação.</translation>
    </message>
    <message>
        <source>Cannot write the copy unpacked from %1 to %2: %3. Free up space there (or check the disk) and try again.</source>
        <translation>Não foi possível gravar em %2 a cópia extraída de %1: %3. Libere espaço ali (ou verifique o disco) e tente novamente.</translation>
    </message>
    <message>
        <source>Unpacking the copy from %1 was cancelled.</source>
        <translation>A extração da cópia de %1 foi cancelada.</translation>
    </message>
    <message>
        <source>%1 holds no Resguarda copy (Copia*.zip). Name the copy itself, or a container that holds one.</source>
        <translation>%1 não contém nenhuma cópia do Resguarda (Copia*.zip). Informe a própria cópia ou um arquivo compactado que contenha uma.</translation>
    </message>
</context>
<context>
    <name>CopyNaming</name>
    <message>
        <source>The label of an extra copy must contain letters or digits.</source>
        <translation>A identificação de uma cópia extra precisa conter letras ou números.</translation>
    </message>
    <message>
        <source>An extra copy is never part of the weekday sets: use --extra or --rotation, not both.</source>
        <translation>Uma cópia extra nunca faz parte dos jogos da semana: use --extra ou --rotation, não os dois.</translation>
    </message>
    <message>
        <source>With --all-systems, --output must be an existing folder (one copy per system is written into it).</source>
        <translation>Com --all-systems, --output deve ser uma pasta existente (nela é gravada uma cópia por sistema).</translation>
    </message>
</context>
<context>
    <name>CopyProducer</name>
    <message>
        <source>Not enough free space in %1: the copy needs about %2 and only %3 are free. Free some space or choose another destination.</source>
        <translation>Não há espaço livre suficiente em %1: a cópia precisa de cerca de %2 e há somente %3 livres. Libere espaço ou escolha outro destino.</translation>
    </message>
    <message>
        <source>The destination folder %1 does not exist. Connect the pen drive or external disk, or choose another folder.</source>
        <translation>A pasta de destino %1 não existe. Conecte o pen drive ou o HD externo, ou escolha outra pasta.</translation>
    </message>
    <message>
        <source>The copy was cancelled. The previous copy, if any, was kept unchanged.</source>
        <translation>A cópia foi cancelada. A cópia anterior, se havia, foi mantida intacta.</translation>
    </message>
    <message>
        <source>The destination %1 is full: the copy needs about %2 more. The previous copy, if any, was kept unchanged. Free some space or choose another destination.</source>
        <translation>O destino %1 está cheio: a cópia precisa de cerca de mais %2. A cópia anterior, se havia, foi mantida intacta. Libere espaço ou escolha outro destino.</translation>
    </message>
    <message>
        <source>The copy could not be written to %1: %2. The previous copy, if any, was kept unchanged.</source>
        <translation>A cópia não pôde ser gravada em %1: %2. A cópia anterior, se havia, foi mantida intacta.</translation>
    </message>
    <message>
        <source>The copy written to %1 could not be read back (%2). The disk may be failing. The previous copy, if any, was kept unchanged.</source>
        <translation>A cópia gravada em %1 não pôde ser lida de volta (%2). O disco pode estar com defeito. A cópia anterior, se havia, foi mantida intacta.</translation>
    </message>
    <message>
        <source>The copy written to %1 failed verification (%2). The disk may be failing. The previous copy, if any, was kept unchanged.</source>
        <translation>A cópia gravada em %1 não passou na verificação (%2). O disco pode estar com defeito. A cópia anterior, se havia, foi mantida intacta.</translation>
    </message>
    <message>
        <source>The verified copy could not replace %1: %2</source>
        <translation>A cópia verificada não pôde substituir %1: %2</translation>
    </message>
    <message>
        <source>The folder %1 could not be created: %2</source>
        <translation>Não foi possível criar a pasta %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a folder but a symbolic link or a file. Resguarda never writes through a link inside the installation, where any user could have planted it. Remove it, or choose another destination.</source>
        <translation>%1 não é uma pasta, mas um link simbólico ou um arquivo. O Resguarda nunca grava através de um link dentro da instalação, onde qualquer usuário pode tê-lo criado. Remova-o ou escolha outro destino.</translation>
    </message>
    <message>
        <source>The destination folder %1 cannot be used: %2</source>
        <translation>A pasta de destino %1 não pode ser usada: %2</translation>
    </message>
    <message>
        <source>The copy could not be created in %1: %2. The previous copy, if any, was kept unchanged.</source>
        <translation>Não foi possível criar a cópia em %1: %2. A cópia anterior, se havia, foi mantida sem alteração.</translation>
    </message>
    <message numerus="yes">
        <source>No copy was made: %n file(s) or folder(s) of the installation cannot be copied, and a copy that leaves anything out is not a backup:</source>
        <translation>
            <numerusform>Nenhuma cópia foi feita: %n arquivo ou pasta da instalação não pode ser copiado, e uma cópia que deixa algo de fora não é uma cópia de segurança:</numerusform>
            <numerusform>Nenhuma cópia foi feita: %n arquivos ou pastas da instalação não podem ser copiados, e uma cópia que deixa algo de fora não é uma cópia de segurança:</numerusform>
        </translation>
    </message>
    <message>
        <source>Give Resguarda permission to read them (or remove the links and special files) and make the copy again. To make the copy anyway, marked as incomplete, use --allow-incomplete (in the app, the option &quot;Allow an incomplete copy&quot;). The previous copy, if any, was kept unchanged.</source>
        <translation>Dê ao Resguarda permissão para lê-los (ou remova os links e arquivos especiais) e faça a cópia novamente. Para fazer a cópia assim mesmo, marcada como incompleta, use --allow-incomplete (no aplicativo, a opção &quot;Permitir cópia incompleta&quot;). A cópia anterior, se havia, foi mantida intacta.</translation>
    </message>
    <message>
        <source>No copy was made: %1 The previous copy, if any, was kept unchanged.</source>
        <translation>Nenhuma cópia foi feita: %1 A cópia anterior, se havia, foi mantida intacta.</translation>
    </message>
    <message>
        <source>The temporary folder %1 is full: a protected copy is first made there, and it needs about %2. The previous copy, if any, was kept unchanged. Free some space there, or set TMPDIR to a folder with room.</source>
        <translation>A pasta temporária %1 está cheia: a cópia protegida é montada primeiro nela, e precisa de cerca de %2. A cópia anterior, se havia, foi mantida sem alteração. Libere espaço nela ou aponte TMPDIR para uma pasta com espaço.</translation>
    </message>
    <message>
        <source>The copy could not be read back from the temporary folder: %1</source>
        <translation>Não foi possível ler de volta a cópia da pasta temporária: %1</translation>
    </message>
    <message>
        <source>The copy was cancelled.</source>
        <translation>A cópia foi cancelada.</translation>
    </message>
    <message>
        <source>The destination is full: the protected copy needs %1. The previous copy, if any, was kept unchanged. Free some space or choose another destination.</source>
        <translation>O destino está cheio: a cópia protegida precisa de %1. A cópia anterior, se havia, foi mantida sem alteração. Libere espaço ou escolha outro destino.</translation>
    </message>
    <message>
        <source>The protected copy could not be written: %1. The previous copy, if any, was kept unchanged.</source>
        <translation>Não foi possível gravar a cópia protegida: %1. A cópia anterior, se havia, foi mantida sem alteração.</translation>
    </message>
    <message>
        <source>The copy could not be prepared in the temporary folder: %1</source>
        <translation>Não foi possível preparar a cópia na pasta temporária: %1</translation>
    </message>
</context>
<context>
    <name>CopyReader</name>
    <message>
        <source>The copy %1 does not exist.</source>
        <translation>A cópia %1 não existe.</translation>
    </message>
    <message>
        <source>%1 is damaged: the end of the ZIP file is missing (the copy is truncated, perhaps the disk was removed while it was being written). Use another copy.</source>
        <translation>%1 está danificada: falta o final do arquivo ZIP (a cópia está incompleta; talvez o disco tenha sido retirado durante a gravação). Use outra cópia.</translation>
    </message>
    <message>
        <source>%1 is not a Resguarda copy: it is not a ZIP file.</source>
        <translation>%1 não é uma cópia do Resguarda: não é um arquivo ZIP.</translation>
    </message>
    <message>
        <source>%1 is a ZIP file but not a Resguarda copy: it has no manifest.</source>
        <translation>%1 é um arquivo ZIP, mas não é uma cópia do Resguarda: não tem manifesto.</translation>
    </message>
    <message>
        <source>%1 is damaged: its manifest cannot be read.</source>
        <translation>%1 está danificada: o manifesto não pode ser lido.</translation>
    </message>
    <message>
        <source>%1 was made by a newer version of Resguarda (copy format %2). Update Resguarda to use it.</source>
        <translation>%1 foi gerada por uma versão mais nova do Resguarda (formato de cópia %2). Atualize o Resguarda para usá-la.</translation>
    </message>
    <message>
        <source>%1 is damaged: its manifest is not valid (%2).</source>
        <translation>%1 está danificada: o manifesto não é válido (%2).</translation>
    </message>
    <message>
        <source>The manifest names an entry outside the system&apos;s companies and templates: %1</source>
        <translation>O manifesto cita um item fora das empresas e dos modelos do sistema: %1</translation>
    </message>
    <message>
        <source>The entry %1 appears more than once.</source>
        <translation>O item %1 aparece mais de uma vez.</translation>
    </message>
    <message>
        <source>The entry name %1 is not valid UTF-8.</source>
        <translation>O nome do item %1 não é UTF-8 válido.</translation>
    </message>
    <message>
        <source>The entry %1 is encrypted.</source>
        <translation>O item %1 está criptografado.</translation>
    </message>
    <message>
        <source>The entry %1 is not a regular file (a folder, link or device).</source>
        <translation>O item %1 não é um arquivo comum (é uma pasta, um link ou um dispositivo).</translation>
    </message>
    <message>
        <source>The entry %1 points outside the system&apos;s companies and templates.</source>
        <translation>O item %1 aponta para fora das empresas e dos modelos do sistema.</translation>
    </message>
    <message>
        <source>The entry %1 is not listed in the manifest.</source>
        <translation>O item %1 não consta do manifesto.</translation>
    </message>
    <message>
        <source>The entry %1 differs from the manifest (size or CRC).</source>
        <translation>O item %1 não confere com o manifesto (tamanho ou CRC).</translation>
    </message>
    <message>
        <source>The entry %1 is missing.</source>
        <translation>Falta o item %1.</translation>
    </message>
    <message>
        <source>the entry %1 cannot be opened</source>
        <translation>o item %1 não pode ser aberto</translation>
    </message>
    <message>
        <source>the entry %1 uses an unknown compression method (%2)</source>
        <translation>o item %1 usa um método de compressão desconhecido (%2)</translation>
    </message>
    <message>
        <source>the entry %1 is damaged (its data cannot be decompressed)</source>
        <translation>o item %1 está danificado (os dados não podem ser descompactados)</translation>
    </message>
    <message>
        <source>the entry %1 is larger than the manifest declares</source>
        <translation>o item %1 é maior do que o manifesto declara</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>the entry %1 is shorter than the manifest declares</source>
        <translation>o item %1 é menor do que o manifesto declara</translation>
    </message>
    <message>
        <source>the entry %1 is damaged (CRC mismatch)</source>
        <translation>o item %1 está danificado (CRC não confere)</translation>
    </message>
    <message>
        <source>%1 is not a valid copy: its manifest is too large for the %2 files the copy holds (more than %3, more values than those files need, or a name longer than any path).</source>
        <translation>%1 não é uma cópia válida: o manifesto dela é grande demais para os %2 arquivos que a cópia contém (mais de %3, mais valores do que esses arquivos precisam ou um nome maior que qualquer caminho).</translation>
    </message>
    <message>
        <source>The manifest names a folder outside the system&apos;s companies and templates: %1</source>
        <translation>O manifesto cita uma pasta fora das empresas e dos modelos do sistema: %1</translation>
    </message>
    <message>
        <source>%1 is not a copy Resguarda can read: it holds %2 files, and Resguarda reads copies of this format of up to %3 files.</source>
        <translation>%1 não é uma cópia que o Resguarda consiga ler: ela tem %2 arquivos, e o Resguarda lê cópias deste formato de até %3 arquivos.</translation>
    </message>
    <message>
        <source>The entry %1 belongs to a company the manifest does not describe.</source>
        <translation>A entrada %1 pertence a uma empresa que o manifesto não descreve.</translation>
    </message>
    <message>
        <source>The entry name %1 is not written the way Resguarda writes names.</source>
        <translation>O nome da entrada %1 não está escrito como o Resguarda escreve nomes.</translation>
    </message>
    <message>
        <source>The entry %1 is out of place in the copy&apos;s order (the copy was altered).</source>
        <translation>A entrada %1 está fora de lugar na ordem da cópia (a cópia foi alterada).</translation>
    </message>
    <message>
        <source>The entry %1 declares an impossible size.</source>
        <translation>A entrada %1 declara um tamanho impossível.</translation>
    </message>
    <message>
        <source>The copy&apos;s list of files cannot be read to its end (the copy is damaged).</source>
        <translation>A lista de arquivos da cópia não pode ser lida até o fim (a cópia está danificada).</translation>
    </message>
    <message numerus="yes">
        <source>The copy holds %n file(s) of %1, and its manifest says %2 (files are missing or were added).</source>
        <translation>
            <numerusform>A cópia tem %n arquivo de %1, e o manifesto diz %2 (faltam arquivos ou foram acrescentados).</numerusform>
            <numerusform>A cópia tem %n arquivos de %1, e o manifesto diz %2 (faltam arquivos ou foram acrescentados).</numerusform>
        </translation>
    </message>
    <message>
        <source>The files of %1 in the copy differ in size from what its manifest says.</source>
        <translation>Os arquivos de %1 na cópia têm tamanho diferente do que o manifesto diz.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more problem(s).</source>
        <translation>
            <numerusform>… e mais %n problema.</numerusform>
            <numerusform>… e mais %n problemas.</numerusform>
        </translation>
    </message>
    <message>
        <source>the entry %1 is damaged: its headers disagree on its size or CRC</source>
        <translation>a entrada %1 está danificada: seus cabeçalhos discordam quanto ao tamanho ou ao CRC</translation>
    </message>
</context>
<context>
    <name>CopyWriter</name>
    <message>
        <source>the disk is full</source>
        <translation>o disco está cheio</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the copy is not open</source>
        <translation>a cópia não está aberta</translation>
    </message>
    <message>
        <source>the data could not be written to the disk</source>
        <translation>os dados não puderam ser gravados no disco</translation>
    </message>
    <message>
        <source>%1 changed while it was being copied. Close the programs that use it and make the copy again.</source>
        <translation>%1 foi alterado enquanto era copiado. Feche os programas que o usam e faça a cópia novamente.</translation>
    </message>
    <message>
        <source>it kept changing while it was read</source>
        <translation>continuou sendo alterado enquanto era lido</translation>
    </message>
    <message>
        <source>the compressor failed</source>
        <translation>o compactador falhou</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>the file changed size while it was being copied</source>
        <translation>o arquivo mudou de tamanho durante a cópia</translation>
    </message>
</context>
<context>
    <name>DemoCommand</name>
    <message>
        <source>Creates a demonstration installation with realistic data.</source>
        <translation>Cria uma instalação de demonstração com dados realistas.</translation>
    </message>
    <message>
        <source>Folder to create (must be empty or missing).</source>
        <translation>Pasta a criar (deve estar vazia ou não existir).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>PASTA</translation>
    </message>
    <message>
        <source>Companies per system (default 5).</source>
        <translation>Empresas por sistema (padrão 5).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Years of current data (default 3).</source>
        <translation>Anos de dados correntes (padrão 3).</translation>
    </message>
    <message>
        <source>Approximate size of the data in MiB (default 20).</source>
        <translation>Tamanho aproximado dos dados em MiB (padrão 20).</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Seed: the same seed makes the same installation (default 1).</source>
        <translation>Semente: a mesma semente gera a mesma instalação (padrão 1).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Print only the result and errors.</source>
        <translation>Mostra somente o resultado e os erros.</translation>
    </message>
    <message>
        <source>Say where to create the installation with --root DIR.</source>
        <translation>Informe onde criar a instalação com --root PASTA.</translation>
    </message>
    <message>
        <source>Demonstration installation created in %1</source>
        <translation>Instalação de demonstração criada em %1</translation>
    </message>
</context>
<context>
    <name>DemoInstallation</name>
    <message>
        <source>%1 could not be written: %2. The demo installation in %3 is incomplete; delete that folder and try again.</source>
        <translation>%1 não pôde ser gravado: %2. A instalação de demonstração em %3 ficou incompleta; apague essa pasta e tente novamente.</translation>
    </message>
    <message>
        <source>the folder could not be created</source>
        <translation>a pasta não pôde ser criada</translation>
    </message>
    <message>
        <source>Give the folder where the demo installation is to be created.</source>
        <translation>Informe a pasta onde criar a instalação de demonstração.</translation>
    </message>
    <message>
        <source>The number of companies must be between %1 and %2; %3 was given.</source>
        <translation>O número de empresas deve estar entre %1 e %2; foi informado %3.</translation>
    </message>
    <message>
        <source>The number of years must be between %1 and %2; %3 was given.</source>
        <translation>O número de anos deve estar entre %1 e %2; foi informado %3.</translation>
    </message>
    <message>
        <source>The size must be between %1 and %2 MB; %3 was given.</source>
        <translation>O tamanho deve estar entre %1 e %2 MB; foi informado %3.</translation>
    </message>
    <message>
        <source>The last year must be between %1 and %2; %3 was given.</source>
        <translation>O último ano deve estar entre %1 e %2; foi informado %3.</translation>
    </message>
    <message>
        <source>%1 is not a folder. Give a new or empty folder for the demo installation.</source>
        <translation>%1 não é uma pasta. Informe uma pasta nova ou vazia para a instalação de demonstração.</translation>
    </message>
    <message>
        <source>%1 is not empty. Give a new or empty folder for the demo installation; existing files are never overwritten.</source>
        <translation>%1 não está vazia. Informe uma pasta nova ou vazia para a instalação de demonstração; arquivos existentes nunca são sobrescritos.</translation>
    </message>
    <message>
        <source>The folder %1 could not be created. Check the path and its permissions.</source>
        <translation>A pasta %1 não pôde ser criada. Verifique o caminho e as permissões.</translation>
    </message>
</context>
<context>
    <name>DestinationCheck</name>
    <message>
        <source>The destination folder %1 does not exist: the pen drive or external disk is not connected. Connect it and try again. No copy was made.</source>
        <translation>A pasta de destino %1 não existe: o pen drive ou HD externo não está conectado. Conecte-o e tente de novo. Nenhuma cópia foi feita.</translation>
    </message>
    <message>
        <source>The destination folder %1 is on this computer&apos;s own disk, in the place where a pen drive or external disk appears when it is connected: the disk is not connected. Connect the pen drive or external disk and try again. No copy was made.</source>
        <translation>A pasta de destino %1 está no próprio disco deste computador, no lugar onde o pen drive ou HD externo aparece quando está conectado: o disco não está conectado. Conecte o pen drive ou HD externo e tente de novo. Nenhuma cópia foi feita.</translation>
    </message>
    <message>
        <source>The destination folder %1 is not on a mounted pen drive or external disk, but on the disk of the system or of the installation. Connect the pen drive or external disk and try again. No copy was made.</source>
        <translation>A pasta de destino %1 não está num pen drive ou HD externo montado, e sim no disco do sistema ou da instalação. Conecte o pen drive ou HD externo e tente de novo. Nenhuma cópia foi feita.</translation>
    </message>
</context>
<context>
    <name>DriveList</name>
    <message>
        <source>Installation&apos;s disk</source>
        <translation>Disco da instalação</translation>
    </message>
    <message>
        <source>Removable</source>
        <translation>Removível</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Somente leitura</translation>
    </message>
</context>
<context>
    <name>EntryCompressor</name>
    <message>
        <source>the file changed size while it was being copied</source>
        <translation>o arquivo mudou de tamanho durante a cópia</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>the entry could not be started</source>
        <translation>o item não pôde ser iniciado</translation>
    </message>
    <message>
        <source>the copy could not be written</source>
        <translation>a cópia não pôde ser gravada</translation>
    </message>
    <message>
        <source>the compressor failed</source>
        <translation>o compactador falhou</translation>
    </message>
</context>
<context>
    <name>FileBrowser</name>
    <message>
        <source>Up</source>
        <translation>Acima</translation>
    </message>
    <message>
        <source>Use this folder</source>
        <translation>Usar esta pasta</translation>
    </message>
    <message>
        <source>This folder has no subfolders.</source>
        <translation>Esta pasta não tem subpastas.</translation>
    </message>
    <message>
        <source>No copy here. Copies are named Copia….zip (or packed in .7z, .rar, .tar).</source>
        <translation>Nenhuma cópia aqui. As cópias se chamam Copia….zip (ou estão compactadas em .7z, .rar, .tar).</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>Nova pasta</translation>
    </message>
    <message>
        <source>Name of the new folder</source>
        <translation>Nome da nova pasta</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Criar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>Protegida</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>The history of copies %1 could not be written: %2.</source>
        <translation>O histórico de cópias %1 não pôde ser gravado: %2.</translation>
    </message>
    <message>
        <source>the folder could not be created</source>
        <translation>a pasta não pôde ser criada</translation>
    </message>
    <message>
        <source>done</source>
        <translation>concluída</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <source>refused: installation in use</source>
        <translation>recusada: instalação em uso</translation>
    </message>
    <message>
        <source>refused: invalid or damaged copy</source>
        <translation>recusada: cópia inválida ou danificada</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>refused: wrong options</source>
        <translation>recusada: opções erradas</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>cópia</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>restauração</translation>
    </message>
    <message>
        <source>incomplete: files were left out</source>
        <translation>incompleta: arquivos ficaram de fora</translation>
    </message>
    <message>
        <source>refused: password missing or wrong</source>
        <translation>recusada: senha ausente ou errada</translation>
    </message>
    <message>
        <source>failed: not sent off site</source>
        <translation>falhou: não enviada para fora do local</translation>
    </message>
    <message>
        <source>off-site copy</source>
        <translation>cópia fora do local</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <source>%1 (scheduled)</source>
        <translation>%1 (agendada)</translation>
    </message>
    <message>
        <source>Shows the backups and restores of an installation, newest first, from every machine that uses it.</source>
        <translation>Mostra as cópias e restaurações de uma instalação, da mais recente para a mais antiga, feitas em qualquer máquina que a usa.</translation>
    </message>
    <message>
        <source>Installation folder of the system.</source>
        <translation>Pasta de instalação do sistema.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>PASTA</translation>
    </message>
    <message>
        <source>Print JSON for scripts: an array of records, newest first.</source>
        <translation>Mostra em JSON, para scripts: uma lista de registros, do mais recente para o mais antigo.</translation>
    </message>
    <message>
        <source>Only the newest N records. Default: all.</source>
        <translation>Somente os N registros mais recentes. Padrão: todos.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argumento inesperado: %1</translation>
    </message>
    <message>
        <source>Say which installation with --root DIR.</source>
        <translation>Informe a instalação com --root PASTA.</translation>
    </message>
    <message>
        <source>No backup or restore of %1 has been recorded yet.</source>
        <translation>Nenhuma cópia ou restauração de %1 foi registrada ainda.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Backup and restore</source>
        <translation>Cópia de Segurança e Restauração</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>Sistema:</translation>
    </message>
    <message>
        <source>Make a backup copy</source>
        <translation>Gerar cópia de segurança</translation>
    </message>
    <message>
        <source>Copy the companies to a pen drive, an external disk or a folder</source>
        <translation>Copiar as empresas para um pen drive, um HD externo ou uma pasta</translation>
    </message>
    <message>
        <source>Restore data</source>
        <translation>Restaurar dados</translation>
    </message>
    <message>
        <source>Bring companies back from a copy</source>
        <translation>Trazer de volta empresas de uma cópia</translation>
    </message>
    <message>
        <source>Your data may not be protected</source>
        <translation>Seus dados podem não estar protegidos</translation>
    </message>
    <message>
        <source>Last copy</source>
        <translation>Última cópia</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Recent copies</source>
        <translation>Cópias recentes</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>ilegível</translation>
    </message>
    <message>
        <source>set: %1</source>
        <translation>jogo: %1</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>antes de restauração</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>extra</translation>
    </message>
    <message>
        <source>this disk</source>
        <translation>este disco</translation>
    </message>
    <message>
        <source>other disk</source>
        <translation>outro disco</translation>
    </message>
    <message>
        <source>The scheduled copy failed</source>
        <translation>A cópia agendada falhou</translation>
    </message>
    <message>
        <source>Last copy incomplete</source>
        <translation>Última cópia incompleta</translation>
    </message>
    <message>
        <source>INCOMPLETE: files were left out of this copy</source>
        <translation>INCOMPLETA: arquivos ficaram de fora desta cópia</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Incompleta</translation>
    </message>
    <message>
        <source>Looking for copies…</source>
        <translation>Procurando cópias…</translation>
    </message>
    <message>
        <source>Copies of other installations or systems</source>
        <translation>Cópias de outras instalações ou sistemas</translation>
    </message>
    <message>
        <source>Found in the same folders. They do not protect this installation.</source>
        <translation>Encontradas nas mesmas pastas. Elas não protegem esta instalação.</translation>
    </message>
    <message>
        <source>Protected with a password: keep the password, the copy cannot be restored without it</source>
        <translation>Protegida com senha: guarde a senha, sem ela a cópia não pode ser restaurada</translation>
    </message>
    <message>
        <source>protected</source>
        <translation>protegida</translation>
    </message>
    <message>
        <source>Off-site copy out of date</source>
        <translation>Cópia fora do local desatualizada</translation>
    </message>
    <message>
        <source>Off-site copy</source>
        <translation>Cópia fora do local</translation>
    </message>
    <message>
        <source>Sending the copy off site failed</source>
        <translation>O envio da cópia para fora do local falhou</translation>
    </message>
</context>
<context>
    <name>InUsePanel</name>
    <message>
        <source>The system is in use</source>
        <translation>O sistema está em uso</translation>
    </message>
    <message>
        <source>Before making a copy or restoring data, make sure nobody is using the system on this or another machine, nor any other system of the installation. Ask these users to close it:</source>
        <translation>Antes de fazer a cópia ou a restauração, certifique-se de que nenhum usuário esteja usando o sistema nesta ou em outra máquina, nem outro sistema da instalação. Peça a estes usuários que saiam:</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Tentar novamente</translation>
    </message>
</context>
<context>
    <name>Installation</name>
    <message>
        <source>not a JSON object</source>
        <translation>não é um objeto JSON</translation>
    </message>
    <message>
        <source>The installation folder %1 does not exist. Check the path given with --root.</source>
        <translation>A pasta de instalação %1 não existe. Verifique o caminho informado em --root.</translation>
    </message>
    <message>
        <source>%1 is not an installation of the system: %2 could not be read (%3).</source>
        <translation>%1 não é uma instalação do sistema: %2 não pôde ser lido (%3).</translation>
    </message>
    <message>
        <source>%1 has an installation format this version does not know (%2). Update Resguarda.</source>
        <translation>%1 tem um formato de instalação que esta versão não conhece (%2). Atualize o Resguarda.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link and was ignored.</source>
        <translation>%1 é um link simbólico e foi ignorado.</translation>
    </message>
    <message>
        <source>Company folder %1 declares code %2 in empresa.json.</source>
        <translation>A pasta da empresa %1 declara o código %2 no empresa.json.</translation>
    </message>
    <message>
        <source>Company %1 of system %2: empresa.json could not be read (%3).</source>
        <translation>Empresa %1 do sistema %2: o empresa.json não pôde ser lido (%3).</translation>
    </message>
    <message>
        <source>the file is too large</source>
        <translation>o arquivo é grande demais</translation>
    </message>
    <message>
        <source>The installation folder %1 cannot be opened: %2.</source>
        <translation>A pasta da instalação %1 não pode ser aberta: %2.</translation>
    </message>
    <message>
        <source>%1 lists a system with an invalid or repeated code &quot;%2&quot;.</source>
        <translation>%1 lista um sistema com código inválido ou repetido &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; Resguarda never follows links in the installation, so no company of system %2 was read.</source>
        <translation>%1 é um link simbólico; o Resguarda nunca segue links na instalação, por isso nenhuma empresa do sistema %2 foi lida.</translation>
    </message>
    <message>
        <source>%1 is not a folder; no company of system %2 was read.</source>
        <translation>%1 não é uma pasta; nenhuma empresa do sistema %2 foi lida.</translation>
    </message>
    <message>
        <source>%1 is not a valid company code (letters, digits, - and _ only) and was ignored.</source>
        <translation>%1 não é um código de empresa válido (somente letras, dígitos, - e _) e foi ignorado.</translation>
    </message>
    <message>
        <source>%1 was not copied: %2</source>
        <translation>%1 não foi copiado: %2</translation>
    </message>
    <message>
        <source>it is a symbolic link, and Resguarda never follows links in the installation</source>
        <translation>é um link simbólico, e o Resguarda nunca segue links na instalação</translation>
    </message>
    <message>
        <source>it is not a regular file (a FIFO, socket or device)</source>
        <translation>não é um arquivo comum (um FIFO, socket ou dispositivo)</translation>
    </message>
    <message>
        <source>it cannot be read (check its permissions)</source>
        <translation>não pode ser lido (verifique as permissões)</translation>
    </message>
    <message>
        <source>it was removed while the copy was being made</source>
        <translation>foi removido enquanto a cópia era feita</translation>
    </message>
    <message>
        <source>it kept changing while it was being read (a program is using it)</source>
        <translation>continuou sendo alterado enquanto era lido (algum programa o está usando)</translation>
    </message>
    <message numerus="yes">
        <source>its path is longer than %n byte(s)</source>
        <translation>
            <numerusform>o caminho tem mais de %n byte</numerusform>
            <numerusform>o caminho tem mais de %n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>it is among the companies, but its name is not a company code (letters, digits, - and _ only): rename it, or move it out of the companies folder</source>
        <translation>está entre as empresas, mas o nome não é um código de empresa (só letras, números, - e _): renomeie-a ou tire-a da pasta das empresas</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>Leave this wizard?</source>
        <translation>Sair deste assistente?</translation>
    </message>
    <message>
        <source>Your choices will be lost and nothing will be copied or restored.</source>
        <translation>Suas escolhas serão perdidas e nada será copiado nem restaurado.</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Ficar</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Sair</translation>
    </message>
</context>
<context>
    <name>ListCommand</name>
    <message>
        <source>Listing %1 was cancelled.</source>
        <translation>A listagem de %1 foi cancelada.</translation>
    </message>
    <message>
        <source>Copy: %1 (%2)</source>
        <translation>Cópia: %1 (%2)</translation>
    </message>
    <message>
        <source>System: %1 - %2</source>
        <translation>Sistema: %1 - %2</translation>
    </message>
    <message>
        <source>Made on: %1 by Resguarda %2</source>
        <translation>Gerada em: %1 pelo Resguarda %2</translation>
    </message>
    <message>
        <source>with document templates (%1 files)</source>
        <translation>com modelos de documentos (%1 arquivos)</translation>
    </message>
    <message>
        <source>without document templates</source>
        <translation>sem modelos de documentos</translation>
    </message>
    <message>
        <source>annual and monthly tables from %1 on</source>
        <translation>tabelas anuais e mensais a partir de %1</translation>
    </message>
    <message>
        <source>extra copy &quot;%1&quot;</source>
        <translation>cópia extra &quot;%1&quot;</translation>
    </message>
    <message>
        <source>weekday set</source>
        <translation>jogo do dia da semana</translation>
    </message>
    <message>
        <source>Options: %1</source>
        <translation>Opções: %1</translation>
    </message>
    <message>
        <source>Companies (%1):</source>
        <translation>Empresas (%1):</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n arquivo</numerusform>
            <numerusform>%n arquivos</numerusform>
        </translation>
    </message>
    <message>
        <source>years %1</source>
        <translation>anos %1</translation>
    </message>
    <message>
        <source>[exists in the installation]</source>
        <translation>[existe na instalação]</translation>
    </message>
    <message>
        <source>[new]</source>
        <translation>[nova]</translation>
    </message>
    <message>
        <source>Shows what a copy holds, from its manifest.</source>
        <translation>Mostra o conteúdo de uma cópia, a partir do manifesto.</translation>
    </message>
    <message>
        <source>The copy file.</source>
        <translation>O arquivo da cópia.</translation>
    </message>
    <message>
        <source>Mark the companies that already exist in this installation.</source>
        <translation>Marca as empresas que já existem nesta instalação.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>PASTA</translation>
    </message>
    <message>
        <source>Print JSON for scripts.</source>
        <translation>Mostra em JSON, para scripts.</translation>
    </message>
    <message>
        <source>Name one copy file.</source>
        <translation>Informe um arquivo de cópia.</translation>
    </message>
    <message numerus="yes">
        <source>INCOMPLETE COPY: %n file(s) or folder(s) were left out when it was made (--allow-incomplete). It is not a full backup.</source>
        <translation>
            <numerusform>Cópia incompleta: %n arquivo ou pasta ficou de fora quando ela foi feita (--allow-incomplete). Ela não é uma cópia de segurança completa.</numerusform>
            <numerusform>Cópia incompleta: %n arquivos ou pastas ficaram de fora quando ela foi feita (--allow-incomplete). Ela não é uma cópia de segurança completa.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[INCOMPLETE: %n left out]</source>
        <translation>
            <numerusform>[INCOMPLETA: %n ficou de fora]</numerusform>
            <numerusform>[INCOMPLETA: %n ficaram de fora]</numerusform>
        </translation>
    </message>
    <message>
        <source>Files (%1):</source>
        <translation>Arquivos (%1):</translation>
    </message>
    <message>
        <source>Folders (%1):</source>
        <translation>Pastas (%1):</translation>
    </message>
    <message>
        <source>Also list every file and folder (bytes of a name that are not UTF-8 are shown as a replacement mark; the copy holds them exactly).</source>
        <translation>Lista também todos os arquivos e pastas (bytes de um nome que não são UTF-8 aparecem como um sinal de substituição; a cópia os guarda exatamente).</translation>
    </message>
    <message>
        <source>[NEWER here: %1]</source>
        <translation>[MAIS RECENTE aqui: %1]</translation>
    </message>
    <message>
        <source>Protected with a password (AES-256).</source>
        <translation>Protegida com senha (AES-256).</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Home</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>Backup and Restore</source>
        <translation>Cópia de Segurança e Restauração</translation>
    </message>
</context>
<context>
    <name>NewerData</name>
    <message>
        <source>the current data is from %1, newer than the copy of %2</source>
        <translation>os dados atuais são de %1, mais recentes que a cópia de %2</translation>
    </message>
</context>
<context>
    <name>OpenedCopy</name>
    <message>
        <source>%1 is not a protected copy, but a password was given for it. A copy protected with a password was expected here: this file may have been put in its place. Nothing was changed.</source>
        <translation>%1 não é uma cópia protegida, mas foi informada uma senha para ela. Aqui se esperava uma cópia protegida com senha: este arquivo pode ter sido colocado no lugar dela. Nada foi alterado.</translation>
    </message>
    <message>
        <source>The protected copy %1 says it holds system %2, but the copy inside is of system %3. It was altered. Nothing was changed.</source>
        <translation>A cópia protegida %1 diz conter o sistema %2, mas a cópia dentro dela é do sistema %3. Ela foi alterada. Nada foi alterado na instalação.</translation>
    </message>
</context>
<context>
    <name>PasswordInput</name>
    <message>
        <source>the password is empty</source>
        <translation>a senha está vazia</translation>
    </message>
    <message>
        <source>the password is not UTF-8 text</source>
        <translation>a senha não é texto UTF-8</translation>
    </message>
    <message>
        <source>The password file %1 is a symbolic link: give the file itself.</source>
        <translation>O arquivo de senha %1 é um link simbólico: informe o próprio arquivo.</translation>
    </message>
    <message>
        <source>The password file %1 cannot be opened: %2</source>
        <translation>Não foi possível abrir o arquivo de senha %1: %2</translation>
    </message>
    <message>
        <source>The password file %1 cannot be read: %2</source>
        <translation>Não foi possível ler o arquivo de senha %1: %2</translation>
    </message>
    <message>
        <source>The password file %1 is not a regular file.</source>
        <translation>O arquivo de senha %1 não é um arquivo comum.</translation>
    </message>
    <message>
        <source>The password file %1 belongs to another user: it must belong to the user who runs Resguarda (or to root).</source>
        <translation>O arquivo de senha %1 pertence a outro usuário: ele deve pertencer ao usuário que executa o Resguarda (ou ao root).</translation>
    </message>
    <message>
        <source>The password file %1 may be read or changed by other users: make it readable by its owner only (chmod 600 %1).</source>
        <translation>O arquivo de senha %1 pode ser lido ou alterado por outros usuários: deixe-o legível somente por seu dono (chmod 600 %1).</translation>
    </message>
    <message>
        <source>The password file %1 is too large to hold a password.</source>
        <translation>O arquivo de senha %1 é grande demais para conter uma senha.</translation>
    </message>
    <message>
        <source>The password file %1 cannot be used: %2.</source>
        <translation>O arquivo de senha %1 não pode ser usado: %2.</translation>
    </message>
    <message>
        <source>The password cannot be read from standard input: %1</source>
        <translation>Não foi possível ler a senha da entrada padrão: %1</translation>
    </message>
    <message>
        <source>The standard input does not hold a password (its first line is too long).</source>
        <translation>A entrada padrão não contém uma senha (sua primeira linha é longa demais).</translation>
    </message>
    <message>
        <source>The password read from standard input cannot be used: %1.</source>
        <translation>A senha lida da entrada padrão não pode ser usada: %1.</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message numerus="yes">
        <source>The password is too short: use at least %n characters.</source>
        <translation>
            <numerusform>A senha é curta demais: use no mínimo %n caractere.</numerusform>
            <numerusform>A senha é curta demais: use no mínimo %n caracteres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password is too long: at most %n bytes (7-Zip reads no more; an accented letter takes two).</source>
        <translation>
            <numerusform>A senha é longa demais: no máximo %n byte (o 7-Zip não lê mais que isso; uma letra acentuada ocupa dois).</numerusform>
            <numerusform>A senha é longa demais: no máximo %n bytes (o 7-Zip não lê mais que isso; uma letra acentuada ocupa dois).</numerusform>
        </translation>
    </message>
    <message>
        <source>The password holds a control character (a tab or a line break): use only characters that can be typed in one line.</source>
        <translation>A senha contém um caractere de controle (uma tabulação ou quebra de linha): use somente caracteres que possam ser digitados em uma linha.</translation>
    </message>
    <message>
        <source>The password is too simple: mix at least two kinds of characters (lower-case and upper-case letters, digits, spaces or symbols).</source>
        <translation>A senha é simples demais: misture pelo menos dois tipos de caracteres (letras minúsculas e maiúsculas, algarismos, espaços ou símbolos).</translation>
    </message>
</context>
<context>
    <name>ProgressBar</name>
    <message>
        <source>Preparing</source>
        <translation>Preparando</translation>
    </message>
    <message>
        <source>Copying</source>
        <translation>Copiando</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Verificando</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>Extraindo</translation>
    </message>
    <message>
        <source>Replacing</source>
        <translation>Substituindo</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Concluindo</translation>
    </message>
    <message>
        <source>%1%  %2 of %3  %4/s</source>
        <translation>%1%  %2 de %3  %4/s</translation>
    </message>
    <message>
        <source>company %1</source>
        <translation>empresa %1</translation>
    </message>
    <message>
        <source>Saving to disk</source>
        <translation>Gravando no disco</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Fetching</source>
        <translation>Baixando</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Speed: %1  ·  Time left: %2</source>
        <translation>Velocidade: %1  ·  Tempo restante: %2</translation>
    </message>
    <message>
        <source>Company %1</source>
        <translation>Empresa %1</translation>
    </message>
    <message>
        <source>calculating…</source>
        <translation>calculando…</translation>
    </message>
    <message>
        <source>This step cannot be measured; it ends on its own.</source>
        <translation>Esta etapa não tem como ser medida; ela termina sozinha.</translation>
    </message>
    <message>
        <source>Cancel the restore…</source>
        <translation>Cancelar a restauração…</translation>
    </message>
    <message>
        <source>Cancel the backup…</source>
        <translation>Cancelar a cópia…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Too late to cancel: the data is being replaced.</source>
        <translation>Não dá mais para cancelar: os dados estão sendo substituídos.</translation>
    </message>
    <message>
        <source>Cancel the restore</source>
        <translation>Cancelar a restauração</translation>
    </message>
    <message>
        <source>Cancel the backup</source>
        <translation>Cancelar a cópia</translation>
    </message>
    <message>
        <source>Keep restoring</source>
        <translation>Continuar restaurando</translation>
    </message>
    <message>
        <source>Keep copying</source>
        <translation>Continuar copiando</translation>
    </message>
    <message>
        <source>Once made and verified, the copy is sent to %1.</source>
        <translation>Depois de feita e conferida, a cópia é enviada para %1.</translation>
    </message>
</context>
<context>
    <name>ProtectedCopy</name>
    <message>
        <source>%1 is not a valid protected copy: its structure is not the one Resguarda writes. It may be damaged or altered. Nothing was changed.</source>
        <translation>%1 não é uma cópia protegida válida: sua estrutura não é a que o Resguarda grava. Ela pode estar danificada ou ter sido alterada. Nada foi alterado.</translation>
    </message>
    <message>
        <source>The protected copy %1 is damaged or was altered: its content does not match its authentication code. Nothing was changed. Use another copy.</source>
        <translation>A cópia protegida %1 está danificada ou foi alterada: seu conteúdo não confere com seu código de autenticação. Nada foi alterado. Use outra cópia.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Não foi possível abrir %1: %2</translation>
    </message>
    <message>
        <source>The password given is not the password of the protected copy %1. Nothing was changed. Check the password (upper and lower case count) and try again.</source>
        <translation>A senha informada não é a senha da cópia protegida %1. Nada foi alterado. Confira a senha (maiúsculas e minúsculas fazem diferença) e tente de novo.</translation>
    </message>
    <message>
        <source>There is not enough free space in the temporary folder to open the protected copy %1: it needs %2 and %3 are free. Free up space there (or set TMPDIR to a folder with room) and try again.</source>
        <translation>Não há espaço livre suficiente na pasta temporária para abrir a cópia protegida %1: ela precisa de %2 e há %3 livres. Libere espaço nela (ou aponte TMPDIR para uma pasta com espaço) e tente de novo.</translation>
    </message>
    <message>
        <source>Cannot write the decrypted copy to the temporary folder: %1. Free up space there (or set TMPDIR to a folder with room) and try again.</source>
        <translation>Não foi possível gravar a cópia descriptografada na pasta temporária: %1. Libere espaço nela (ou aponte TMPDIR para uma pasta com espaço) e tente de novo.</translation>
    </message>
    <message>
        <source>Opening the protected copy %1 was cancelled.</source>
        <translation>A abertura da cópia protegida %1 foi cancelada.</translation>
    </message>
    <message>
        <source>Cannot create a temporary file in %1: %2. Check that the folder exists and can be written (or set TMPDIR to one that can).</source>
        <translation>Não foi possível criar um arquivo temporário em %1: %2. Verifique se a pasta existe e pode ser gravada (ou aponte TMPDIR para uma que possa).</translation>
    </message>
    <message>
        <source>The copy %1 is a protected copy of system %2: it opens only with its password. Give the password to open it.</source>
        <translation>A cópia %1 é uma cópia protegida do sistema %2: ela só abre com a senha. Informe a senha para abri-la.</translation>
    </message>
</context>
<context>
    <name>QuitDialog</name>
    <message>
        <source>A restore is running</source>
        <translation>Uma restauração está em andamento</translation>
    </message>
    <message>
        <source>A copy is being made</source>
        <translation>Uma cópia está sendo feita</translation>
    </message>
    <message>
        <source>Close Resguarda?</source>
        <translation>Fechar o Resguarda?</translation>
    </message>
    <message>
        <source>Resguarda cannot be closed while it restores data. Wait until it ends: its progress is on the screen.</source>
        <translation>O Resguarda não pode ser fechado enquanto restaura dados. Aguarde até terminar: o andamento está na tela.</translation>
    </message>
    <message>
        <source>Resguarda cannot be closed while it makes a copy. Wait until it ends: its progress is on the screen.</source>
        <translation>O Resguarda não pode ser fechado enquanto faz uma cópia. Aguarde até terminar: o andamento está na tela.</translation>
    </message>
    <message>
        <source>This screen will show the computer&apos;s desktop. To make or restore a copy again, Resguarda has to be opened again.</source>
        <translation>Esta tela vai mostrar a área de trabalho do computador. Para fazer ou restaurar uma cópia de novo, será preciso abrir o Resguarda outra vez.</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Deixar continuar</translation>
    </message>
    <message>
        <source>Keep Resguarda open</source>
        <translation>Manter o Resguarda aberto</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
</context>
<context>
    <name>RcloneRunner</name>
    <message>
        <source>rclone could not be started.</source>
        <translation>Não foi possível iniciar o rclone.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>rclone: %1</source>
        <translation>rclone: %1</translation>
    </message>
    <message>
        <source>rclone ended with status %1.</source>
        <translation>O rclone terminou com o código %1.</translation>
    </message>
    <message>
        <source>rclone printed more than %1 bytes; stopped.</source>
        <translation>O rclone escreveu mais de %1 bytes; foi interrompido.</translation>
    </message>
</context>
<context>
    <name>RemoteCommand</name>
    <message>
        <source>Copies kept on rclone remotes.

  remote list NAME:FOLDER   the copies in that folder, newest first</source>
        <translation>Cópias guardadas em remotos do rclone.

  remote list NOME:PASTA   as cópias dessa pasta, da mais nova para a mais antiga</translation>
    </message>
    <message>
        <source>What to do (list).</source>
        <translation>O que fazer (list).</translation>
    </message>
    <message>
        <source>A folder of a remote configured with &quot;rclone config&quot;.</source>
        <translation>Uma pasta de um remoto configurado com &quot;rclone config&quot;.</translation>
    </message>
    <message>
        <source>Print the list as JSON.</source>
        <translation>Mostra a lista em JSON.</translation>
    </message>
    <message>
        <source>Use: resguarda-cli remote list NAME:FOLDER</source>
        <translation>Use: resguarda-cli remote list NOME:PASTA</translation>
    </message>
    <message>
        <source>No copies in %1.</source>
        <translation>Nenhuma cópia em %1.</translation>
    </message>
    <message>
        <source>Copies in %1:</source>
        <translation>Cópias em %1:</translation>
    </message>
</context>
<context>
    <name>RemoteCopyBrowser</name>
    <message>
        <source>Looking for the clouds set up with rclone…</source>
        <translation>Procurando as nuvens configuradas no rclone…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Pasta:</translation>
    </message>
    <message>
        <source>Folder on the cloud</source>
        <translation>Pasta na nuvem</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Procurar de novo</translation>
    </message>
    <message>
        <source>Looking for copies in %1…</source>
        <translation>Procurando cópias em %1…</translation>
    </message>
    <message>
        <source>No copy in %1. Copies sent by Resguarda are named Copia….zip; check the folder&apos;s name.</source>
        <translation>Nenhuma cópia em %1. As cópias enviadas pelo Resguarda se chamam Copia….zip; confira o nome da pasta.</translation>
    </message>
    <message>
        <source>Choose the cloud that holds the copy.</source>
        <translation>Escolha a nuvem onde está a cópia.</translation>
    </message>
</context>
<context>
    <name>RemoteList</name>
    <message>
        <source>Looking for the clouds set up with rclone…</source>
        <translation>Procurando as nuvens configuradas no rclone…</translation>
    </message>
    <message>
        <source>Also send it to a cloud (a copy away from here)</source>
        <translation>Enviar também para uma nuvem (uma cópia fora daqui)</translation>
    </message>
    <message>
        <source>Do not send</source>
        <translation>Não enviar</translation>
    </message>
    <message>
        <source>Folder in the cloud:</source>
        <translation>Pasta na nuvem:</translation>
    </message>
    <message>
        <source>After the copy is made and verified here, it is sent to %1. The copy there is replaced only once the new one has arrived whole and been checked.</source>
        <translation>Depois de feita e conferida aqui, a cópia é enviada para %1. A cópia que está lá só é substituída quando a nova tiver chegado inteira e sido conferida.</translation>
    </message>
</context>
<context>
    <name>RemoteLocation</name>
    <message>
        <source>The remote place is too long.</source>
        <translation>O local remoto é longo demais.</translation>
    </message>
    <message>
        <source>The remote place holds control characters.</source>
        <translation>O local remoto contém caracteres de controle.</translation>
    </message>
    <message>
        <source>Give the remote place as NAME:FOLDER, NAME being a remote configured with &quot;rclone config&quot;.</source>
        <translation>Informe o local remoto como NOME:PASTA, sendo NOME um remoto configurado com &quot;rclone config&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not the name of a remote configured with &quot;rclone config&quot;: give NAME:FOLDER (connection strings are not accepted).</source>
        <translation>&quot;%1&quot; não é o nome de um remoto configurado com &quot;rclone config&quot;: informe NOME:PASTA (textos de conexão não são aceitos).</translation>
    </message>
    <message>
        <source>The remote folder may not contain &quot;.&quot; or &quot;..&quot;.</source>
        <translation>A pasta remota não pode conter &quot;.&quot; nem &quot;..&quot;.</translation>
    </message>
    <message>
        <source>The remote folder may not contain &quot;\&quot;.</source>
        <translation>A pasta remota não pode conter &quot;\&quot;.</translation>
    </message>
</context>
<context>
    <name>RemoteStore</name>
    <message>
        <source>The remote folder %1 cannot be listed: %2</source>
        <translation>Não é possível listar a pasta remota %1: %2</translation>
    </message>
    <message>
        <source>rclone listed the remote folder %1 in a form Resguarda does not know.</source>
        <translation>O rclone listou a pasta remota %1 num formato que o Resguarda não conhece.</translation>
    </message>
    <message>
        <source>rclone is not installed. Install it (apt install rclone) and configure a remote with &quot;rclone config&quot;.</source>
        <translation>O rclone não está instalado. Instale-o (apt install rclone) e configure um remoto com &quot;rclone config&quot;.</translation>
    </message>
    <message>
        <source>The rclone remotes cannot be listed: %1</source>
        <translation>Não é possível listar os remotos do rclone: %1</translation>
    </message>
    <message>
        <source>No rclone remote is called &quot;%1&quot;: no remote is configured for this user. Create one with &quot;rclone config&quot;.</source>
        <translation>Nenhum remoto do rclone se chama &quot;%1&quot;: não há remoto configurado para este usuário. Crie um com &quot;rclone config&quot;.</translation>
    </message>
    <message>
        <source>No rclone remote is called &quot;%1&quot;. The remotes configured for this user are: %2. Create another with &quot;rclone config&quot;.</source>
        <translation>Nenhum remoto do rclone se chama &quot;%1&quot;. Os remotos configurados para este usuário são: %2. Crie outro com &quot;rclone config&quot;.</translation>
    </message>
    <message>
        <source>%1 is not a copy file.</source>
        <translation>%1 não é um arquivo de cópia.</translation>
    </message>
    <message>
        <source>The copy was not sent to %1; the copy there, if any, is unchanged. %2</source>
        <translation>A cópia não foi enviada para %1; a cópia que houver lá continua como estava. %2</translation>
    </message>
    <message>
        <source>the checked copy %1 left by an interrupted run could not be given its name back: %2</source>
        <translation>não foi possível devolver o nome à cópia conferida %1 deixada por um envio interrompido: %2</translation>
    </message>
    <message>
        <source>the remote has %1 free and the copy needs %2.</source>
        <translation>o remoto tem %1 livres e a cópia precisa de %2.</translation>
    </message>
    <message>
        <source>Sending the copy was cancelled; the copy on the remote is unchanged.</source>
        <translation>O envio da cópia foi cancelado; a cópia no remoto continua como estava.</translation>
    </message>
    <message>
        <source>the remote holds %1 bytes of the %2 sent.</source>
        <translation>o remoto guardou %1 bytes dos %2 enviados.</translation>
    </message>
    <message>
        <source>what the remote holds differs from the copy (%1).</source>
        <translation>o que o remoto guardou difere da cópia (%1).</translation>
    </message>
    <message>
        <source>The copy was sent and checked on the remote as %1, but could not take the name %2: %3 The next off-site copy completes it.</source>
        <translation>A cópia foi enviada e conferida no remoto como %1, mas não pôde receber o nome %2: %3 O próximo envio completa a troca.</translation>
    </message>
    <message>
        <source>The copy was sent to %1, but the remote does not show it there afterwards.</source>
        <translation>A cópia foi enviada para %1, mas o remoto não a mostra lá depois.</translation>
    </message>
    <message>
        <source>%1 does not name a copy (Copia….zip).</source>
        <translation>%1 não indica uma cópia (Copia….zip).</translation>
    </message>
    <message>
        <source>There is no copy %1.</source>
        <translation>Não existe a cópia %1.</translation>
    </message>
    <message>
        <source>The temporary folder %1 has %2 free; the copy %3 needs %4. Point TMPDIR at a folder with more room.</source>
        <translation>A pasta temporária %1 tem %2 livres; a cópia %3 precisa de %4. Aponte TMPDIR para uma pasta com mais espaço.</translation>
    </message>
    <message>
        <source>Fetching the copy was cancelled.</source>
        <translation>O download da cópia foi cancelado.</translation>
    </message>
    <message>
        <source>The copy %1 could not be fetched: %2</source>
        <translation>Não foi possível baixar a cópia %1: %2</translation>
    </message>
    <message>
        <source>its size differs.</source>
        <translation>o tamanho difere.</translation>
    </message>
    <message>
        <source>the %1 hash of %2 could not be computed: %3</source>
        <translation>não foi possível calcular o hash %1 de %2: %3</translation>
    </message>
    <message>
        <source>the remote&apos;s hash types could not be read: %1</source>
        <translation>não foi possível ler os tipos de hash do remoto: %1</translation>
    </message>
</context>
<context>
    <name>Resguarda::AppController</name>
    <message>
        <source>The demonstration could not be created in %1.</source>
        <translation>Não foi possível criar a demonstração em %1.</translation>
    </message>
</context>
<context>
    <name>Resguarda::BackupJob</name>
    <message>
        <source>%1 is on the installation&apos;s own disk, which is never emptied. Nothing was erased. Choose a pen drive or external disk, or do not ask to empty the destination disk.</source>
        <translation>%1 está no próprio disco da instalação, que nunca é esvaziado. Nada foi apagado. Escolha um pen drive ou HD externo, ou não peça para apagar o disco de destino.</translation>
    </message>
    <message>
        <source>The destination disk cannot be emptied: the folder %1 does not exist. Connect the pen drive or external disk, or choose another folder. Nothing was erased.</source>
        <translation>O disco de destino não pode ser esvaziado: a pasta %1 não existe. Conecte o pen drive ou HD externo, ou escolha outra pasta. Nada foi apagado.</translation>
    </message>
    <message>
        <source>Only a removable disk (pen drive or external disk) can be emptied, and %1 is not on one. Nothing was erased. Choose a removable disk, or do not ask to empty the destination disk.</source>
        <translation>Somente um disco removível (pen drive ou HD externo) pode ser esvaziado, e %1 não está em um. Nada foi apagado. Escolha um disco removível, ou não peça para apagar o disco de destino.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) on the destination disk could not be erased, for example %1.</source>
        <translation>
            <numerusform>%n item do disco de destino não pôde ser apagado, por exemplo %1.</numerusform>
            <numerusform>%n itens do disco de destino não puderam ser apagados, por exemplo %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The copy was cancelled while the destination disk was being emptied. The previous copies on it were kept.</source>
        <translation>A cópia foi cancelada enquanto o disco de destino era esvaziado. As cópias anteriores nele foram mantidas.</translation>
    </message>
    <message numerus="yes">
        <source>%n previous copy file(s) on the destination disk could not be erased, for example %1.</source>
        <translation>
            <numerusform>%n arquivo de cópia anterior no disco de destino não pôde ser apagado, por exemplo %1.</numerusform>
            <numerusform>%n arquivos de cópias anteriores no disco de destino não puderam ser apagados, por exemplo %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Incomplete copy: %n file(s) or folder(s) were left out, as asked (--allow-incomplete). This copy is not a full backup:</source>
        <translation>
            <numerusform>Cópia incompleta: %n arquivo ou pasta ficou de fora, como pedido (--allow-incomplete). Esta cópia não é uma cópia de segurança completa:</numerusform>
            <numerusform>Cópia incompleta: %n arquivos ou pastas ficaram de fora, como pedido (--allow-incomplete). Esta cópia não é uma cópia de segurança completa:</numerusform>
        </translation>
    </message>
    <message>
        <source>Company %1 is not registered in system %2.</source>
        <translation>A empresa %1 não está cadastrada no sistema %2.</translation>
    </message>
</context>
<context>
    <name>Resguarda::BackupSettings</name>
    <message>
        <source>Choose the installation to copy first.</source>
        <translation>Escolha primeiro a instalação a copiar.</translation>
    </message>
    <message>
        <source>Choose the system to copy.</source>
        <translation>Escolha o sistema a copiar.</translation>
    </message>
    <message>
        <source>Choose the folder the copy goes to.</source>
        <translation>Escolha a pasta onde gravar a cópia.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Connect the pen drive or choose another folder.</source>
        <translation>A pasta %1 não existe. Conecte o pen drive ou escolha outra pasta.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to. Choose another folder.</source>
        <translation>Não é possível gravar na pasta %1. Escolha outra pasta.</translation>
    </message>
    <message>
        <source>Type a name for the copy file.</source>
        <translation>Digite um nome para o arquivo da cópia.</translation>
    </message>
    <message>
        <source>The file name cannot contain / or \. Choose the folder above and type only the name of the file.</source>
        <translation>O nome do arquivo não pode conter / ou \. Escolha a pasta acima e digite somente o nome do arquivo.</translation>
    </message>
    <message>
        <source>Type a label for the extra copy, with letters or digits (for example &quot;Fechamento 2025&quot;).</source>
        <translation>Digite uma identificação para a cópia extra, com letras ou números (por exemplo &quot;Fechamento 2025&quot;).</translation>
    </message>
    <message>
        <source>Choose a year between %1 and %2 from which the annual and monthly tables are included.</source>
        <translation>Escolha um ano entre %1 e %2 a partir do qual as tabelas anuais e mensais são incluídas.</translation>
    </message>
    <message>
        <source>Only a removable disk (pen drive or external disk) that is not the installation&apos;s disk can be emptied. Choose such a disk or turn off emptying the destination disk.</source>
        <translation>Somente um disco removível (pen drive ou HD externo) que não seja o disco da instalação pode ser esvaziado. Escolha um disco assim ou desmarque Apaga conteúdo do disco de destino.</translation>
    </message>
    <message>
        <source>Counting the files on the destination disk…</source>
        <translation>Contando os arquivos do disco de destino…</translation>
    </message>
    <message>
        <source>Type the password that will protect the copy.</source>
        <translation>Digite a senha que vai proteger a cópia.</translation>
    </message>
    <message>
        <source>Type the password again in the second field.</source>
        <translation>Digite a senha outra vez no segundo campo.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password in both fields.</source>
        <translation>As duas senhas são diferentes. Digite a mesma senha nos dois campos.</translation>
    </message>
    <message>
        <source>Acceptable</source>
        <translation>Aceitável</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Boa</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Forte</translation>
    </message>
    <message>
        <source>Too weak</source>
        <translation>Fraca demais</translation>
    </message>
    <message>
        <source>The cloud folder cannot be used: %1</source>
        <translation>A pasta na nuvem não pode ser usada: %1</translation>
    </message>
</context>
<context>
    <name>Resguarda::BackupSummaryModel</name>
    <message>
        <source>System %1</source>
        <translation>Sistema %1</translation>
    </message>
    <message>
        <source>System %1 – %2</source>
        <translation>Sistema %1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>all %n company(s)</source>
        <translation>
            <numerusform>todas as empresas (%n)</numerusform>
            <numerusform>todas as %n empresas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n company(s)</source>
        <translation>
            <numerusform>%1 de %n empresa</numerusform>
            <numerusform>%1 de %n empresas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>Resguarda::CompanyModel</name>
    <message>
        <source>will be replaced</source>
        <translation>será substituída</translation>
    </message>
    <message>
        <source>will be added</source>
        <translation>será incluída</translation>
    </message>
    <message>
        <source>not restored: kept as it is</source>
        <translation>não restaurada: mantida como está</translation>
    </message>
    <message>
        <source>not restored</source>
        <translation>não restaurada</translation>
    </message>
    <message>
        <source>Mark at least one company to continue</source>
        <translation>Marque ao menos uma empresa para continuar</translation>
    </message>
</context>
<context>
    <name>Resguarda::DrivesModel</name>
    <message>
        <source>%1 free of %2</source>
        <translation>%1 livres de %2</translation>
    </message>
    <message>
        <source>System disk</source>
        <translation>Disco do sistema</translation>
    </message>
</context>
<context>
    <name>Resguarda::FolderModel</name>
    <message>
        <source>Type a name for the folder.</source>
        <translation>Digite um nome para a pasta.</translation>
    </message>
    <message>
        <source>The name cannot begin or end with a space.</source>
        <translation>O nome não pode começar nem terminar com espaço.</translation>
    </message>
    <message>
        <source>This name is reserved.</source>
        <translation>Este nome é reservado.</translation>
    </message>
    <message>
        <source>The name cannot begin with a dot (the folder would be hidden).</source>
        <translation>O nome não pode começar com ponto (a pasta ficaria oculta).</translation>
    </message>
    <message>
        <source>The name cannot end with a dot.</source>
        <translation>O nome não pode terminar com ponto.</translation>
    </message>
    <message>
        <source>The name cannot contain any of %1 nor control characters.</source>
        <translation>O nome não pode conter nenhum de %1 nem caracteres de controle.</translation>
    </message>
    <message>
        <source>The name is too long.</source>
        <translation>O nome é longo demais.</translation>
    </message>
    <message>
        <source>Something named %1 is already here.</source>
        <translation>Já existe aqui algo chamado %1.</translation>
    </message>
</context>
<context>
    <name>Resguarda::HistoryModel</name>
    <message>
        <source>No copy of this installation was found. Make one now.</source>
        <translation>Nenhuma cópia desta instalação foi encontrada. Faça uma agora.</translation>
    </message>
    <message numerus="yes">
        <source>The last copy is %n day(s) old. Make a copy every working day.</source>
        <translation>
            <numerusform>A última cópia tem %n dia. Faça uma cópia a cada dia de trabalho.</numerusform>
            <numerusform>A última cópia tem %n dias. Faça uma cópia a cada dia de trabalho.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every copy is on the installation&apos;s own disk. Keep a copy on a pen drive or external disk too.</source>
        <translation>Todas as cópias estão no próprio disco da instalação. Mantenha também uma cópia em pen drive ou HD externo.</translation>
    </message>
    <message>
        <source>The scheduled copy of %1 failed: %2</source>
        <translation>A cópia agendada de %1 falhou: %2</translation>
    </message>
    <message numerus="yes">
        <source>The copy of %1 left %n file(s) or folder(s) out: it is not a full backup. Make a complete copy as soon as they can be read.</source>
        <translation>
            <numerusform>A cópia de %1 deixou %n arquivo ou pasta de fora: não é uma cópia completa. Faça uma cópia completa assim que ele puder ser lido.</numerusform>
            <numerusform>A cópia de %1 deixou %n arquivos ou pastas de fora: não é uma cópia completa. Faça uma cópia completa assim que eles puderem ser lidos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The copy of %1 left files or folders out: it is not a full backup. Make a complete copy as soon as they can be read.</source>
        <translation>A cópia de %1 deixou arquivos ou pastas de fora: não é uma cópia completa. Faça uma cópia completa assim que eles puderem ser lidos.</translation>
    </message>
    <message>
        <source>another installation</source>
        <translation>outra instalação</translation>
    </message>
    <message>
        <source>system %1</source>
        <translation>sistema %1</translation>
    </message>
    <message>
        <source>origin unknown</source>
        <translation>origem desconhecida</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>ilegível</translation>
    </message>
    <message>
        <source>Last copy sent off site: %1, to %2.</source>
        <translation>Última cópia enviada para fora do local: %1, para %2.</translation>
    </message>
    <message numerus="yes">
        <source>That is %n day(s) ago: a copy kept only here is lost with the office (fire, theft).</source>
        <translation>
            <numerusform>Isso foi há %n dia: uma cópia guardada só aqui se perde junto com o escritório (incêndio, roubo).</numerusform>
            <numerusform>Isso foi há %n dias: uma cópia guardada só aqui se perde junto com o escritório (incêndio, roubo).</numerusform>
        </translation>
    </message>
    <message>
        <source>No copy has been sent off site yet.</source>
        <translation>Nenhuma cópia foi enviada para fora do local ainda.</translation>
    </message>
    <message>
        <source>The sending of %1 failed: %2</source>
        <translation>O envio de %1 falhou: %2</translation>
    </message>
</context>
<context>
    <name>Resguarda::JobController</name>
    <message>
        <source>Making the safety copy</source>
        <translation>Fazendo a cópia de segurança prévia</translation>
    </message>
    <message>
        <source>Copying</source>
        <translation>Copiando</translation>
    </message>
    <message numerus="yes">
        <source>about %n min</source>
        <translation>
            <numerusform>cerca de %n min</numerusform>
            <numerusform>cerca de %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n s</source>
        <translation>
            <numerusform>cerca de %n s</numerusform>
            <numerusform>cerca de %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup completed successfully</source>
        <translation>Cópia de Segurança Realizada com Sucesso</translation>
    </message>
    <message>
        <source>Data restored successfully</source>
        <translation>Restauração de Dados Realizada com Sucesso</translation>
    </message>
    <message numerus="yes">
        <source>Incomplete copy: %n file(s) left out</source>
        <translation>
            <numerusform>Cópia incompleta: %n arquivo ficou de fora</numerusform>
            <numerusform>Cópia incompleta: %n arquivos ficaram de fora</numerusform>
        </translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Preparando…</translation>
    </message>
    <message>
        <source>Checking the safety copy</source>
        <translation>Verificando a cópia de segurança prévia</translation>
    </message>
    <message>
        <source>Checking the copy</source>
        <translation>Verificando a cópia</translation>
    </message>
    <message>
        <source>Restoring the data</source>
        <translation>Restaurando os dados</translation>
    </message>
    <message>
        <source>Saving the restored data to disk…</source>
        <translation>Gravando no disco os dados restaurados…</translation>
    </message>
    <message>
        <source>Finishing: replacing the data and saving to disk…</source>
        <translation>Finalizando: substituindo os dados e gravando no disco…</translation>
    </message>
    <message>
        <source>Finishing: saving to disk…</source>
        <translation>Finalizando: gravando no disco…</translation>
    </message>
    <message>
        <source>%1%  ·  %2 of %3</source>
        <translation>%1%  ·  %2 de %3</translation>
    </message>
    <message>
        <source>%1 of %2 files</source>
        <translation>%1 de %2 arquivos</translation>
    </message>
    <message>
        <source>Cancel the restore? What was extracted so far is removed and nothing in the installation changes.</source>
        <translation>Cancelar a restauração? O que já foi extraído é removido e nada muda na instalação.</translation>
    </message>
    <message>
        <source>Cancel the backup? The copy being made is discarded and the previous copy, if any, is kept unchanged.</source>
        <translation>Cancelar a cópia? A cópia em andamento é descartada e a cópia anterior, se houver, fica como estava.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Incompleta</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Em uso</translation>
    </message>
    <message>
        <source>Unusable copy</source>
        <translation>Cópia inutilizável</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed in the installation.</source>
        <translation>Cancelado: nada foi alterado na instalação.</translation>
    </message>
    <message>
        <source>Cancelled: No copy was made. The previous copy, if any, was kept.</source>
        <translation>Cancelado: nenhuma cópia foi feita. A cópia anterior, se houver, foi mantida.</translation>
    </message>
    <message>
        <source>Nothing was done: the system is in use. The installation was not changed.</source>
        <translation>Nada foi feito: o sistema está em uso. A instalação não foi alterada.</translation>
    </message>
    <message>
        <source>Nothing was done: the system is in use. No copy was made.</source>
        <translation>Nada foi feito: o sistema está em uso. Nenhuma cópia foi feita.</translation>
    </message>
    <message>
        <source>This copy cannot be restored</source>
        <translation>Esta cópia não pode ser restaurada</translation>
    </message>
    <message>
        <source>The restore could not be completed</source>
        <translation>A restauração não pôde ser concluída</translation>
    </message>
    <message>
        <source>The copy could not be made</source>
        <translation>A cópia não pôde ser feita</translation>
    </message>
    <message>
        <source>Sending the copy off site…</source>
        <translation>Enviando a cópia para fora do local…</translation>
    </message>
    <message>
        <source>Fetching the copy from the remote…</source>
        <translation>Baixando a cópia do remoto…</translation>
    </message>
    <message>
        <source>%1 (%2), checked there by its size and %3 hash.</source>
        <translation>%1 (%2), conferida lá pelo tamanho e pelo hash %3.</translation>
    </message>
    <message>
        <source>%1 (%2), checked there by its size only: the remote keeps no hash for this file.</source>
        <translation>%1 (%2), conferida lá só pelo tamanho: o remoto não guarda hash deste arquivo.</translation>
    </message>
    <message>
        <source>%1 (%2), checked there by its size: the remote offers no hash.</source>
        <translation>%1 (%2), conferida lá pelo tamanho: o remoto não oferece hash.</translation>
    </message>
    <message>
        <source>The copy was not sent to the cloud: it is incomplete, and would replace a complete one there.</source>
        <translation>A cópia não foi enviada para a nuvem: ela está incompleta e substituiria uma completa que esteja lá.</translation>
    </message>
    <message>
        <source>Stop sending the copy to the cloud? The copy made here is kept, and the cloud keeps its previous copy unchanged.</source>
        <translation>Parar o envio da cópia para a nuvem? A cópia feita aqui é mantida, e a nuvem mantém a cópia anterior sem alteração.</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Não enviada</translation>
    </message>
    <message>
        <source>The copy was made here, but sending it to the cloud was cancelled</source>
        <translation>A cópia foi feita aqui, mas o envio para a nuvem foi cancelado</translation>
    </message>
    <message>
        <source>The copy was made here, but it could not be sent to the cloud</source>
        <translation>A cópia foi feita aqui, mas não pôde ser enviada para a nuvem</translation>
    </message>
</context>
<context>
    <name>Resguarda::RemotesModel</name>
    <message>
        <source>Cloud: %1</source>
        <translation>Nuvem: %1</translation>
    </message>
    <message>
        <source>rclone is not installed, so copies cannot be sent to a cloud. Install it (apt install rclone), then set up a remote with &quot;rclone config&quot; in a terminal. Guide: %1.</source>
        <translation>O rclone não está instalado, então as cópias não podem ser enviadas para uma nuvem. Instale-o (apt install rclone) e depois configure um remoto com &quot;rclone config&quot; em um terminal. Guia: %1.</translation>
    </message>
    <message>
        <source>%1 Check the setup with &quot;rclone config&quot; in a terminal. Guide: %2.</source>
        <translation>%1 Confira a configuração com &quot;rclone config&quot; em um terminal. Guia: %2.</translation>
    </message>
    <message>
        <source>No cloud is set up for this user. Set one up with &quot;rclone config&quot; in a terminal, then open this step again. Guide: %1.</source>
        <translation>Nenhuma nuvem está configurada para este usuário. Configure uma com &quot;rclone config&quot; em um terminal e depois abra este passo de novo. Guia: %1.</translation>
    </message>
</context>
<context>
    <name>Resguarda::RestoreJob</name>
    <message numerus="yes">
        <source>- and %n more problem(s)</source>
        <translation>
            <numerusform>- e mais %n problema</numerusform>
            <numerusform>- e mais %n problemas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is damaged or was altered, and cannot be restored. Nothing was changed in the installation. Use another copy.
%2</source>
        <translation>%1 está danificada ou foi alterada, e não pode ser restaurada. Nada foi alterado na instalação. Use outra cópia.
%2</translation>
    </message>
    <message>
        <source>Not enough free space in %1 for the restore: it needs about %2 (the copy&apos;s data and the safety copy) and only %3 are free. Free some space and try again. Nothing was changed in the installation.</source>
        <translation>Não há espaço livre suficiente em %1 para a restauração: ela precisa de cerca de %2 (os dados da cópia e a cópia de segurança prévia) e há somente %3 livres. Libere espaço e tente novamente. Nada foi alterado na instalação.</translation>
    </message>
    <message>
        <source>The restore was cancelled. Nothing was changed in the installation.</source>
        <translation>A restauração foi cancelada. Nada foi alterado na instalação.</translation>
    </message>
    <message>
        <source>The disk of the installation %1 became full while the copy was being extracted. Nothing was changed in the installation. Free some space and try again.</source>
        <translation>O disco da instalação %1 ficou cheio enquanto a cópia era extraída. Nada foi alterado na instalação. Libere espaço e tente novamente.</translation>
    </message>
    <message>
        <source>The copy could not be extracted into %1: %2. Nothing was changed in the installation.</source>
        <translation>A cópia não pôde ser extraída em %1: %2. Nada foi alterado na instalação.</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be restored: %2. Nothing was changed in the installation. Use another copy.</source>
        <translation>%1 está danificada e não pode ser restaurada: %2. Nada foi alterado na instalação. Use outra cópia.</translation>
    </message>
    <message>
        <source>%1 could not be kept for the restore. Nothing was changed in the installation.</source>
        <translation>%1 não pôde ser preservado para a restauração. Nada foi alterado na instalação.</translation>
    </message>
    <message>
        <source>The safety copy of the data to be replaced could not be made, so nothing was changed in the installation. %1</source>
        <translation>Não foi possível fazer a cópia de segurança dos dados que seriam substituídos; por isso nada foi alterado na instalação. %1</translation>
    </message>
    <message>
        <source>The folder %1 could not be restored: %2. Nothing was changed in the installation.</source>
        <translation>A pasta %1 não pôde ser restaurada: %2. Nada foi alterado na instalação.</translation>
    </message>
    <message numerus="yes">
        <source>The safety copy does not hold %n link(s) or special file(s) found in what the restore replaces (they cannot be copied, and the restore removed them):</source>
        <translation>
            <numerusform>A cópia de segurança prévia não contém %n link ou arquivo especial encontrado no que a restauração substitui (não podem ser copiados, e a restauração os removeu):</numerusform>
            <numerusform>A cópia de segurança prévia não contém %n links ou arquivos especiais encontrados no que a restauração substitui (não podem ser copiados, e a restauração os removeu):</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be restored: %2 Nothing was changed in the installation. Use another copy.</source>
        <translation>%1 está danificada e não pode ser restaurada: %2 Nada foi alterado na instalação. Use outra cópia.</translation>
    </message>
</context>
<context>
    <name>Resguarda::RestorePlanModel</name>
    <message>
        <source>will be replaced</source>
        <translation>será substituída</translation>
    </message>
    <message>
        <source>will be added</source>
        <translation>será incluída</translation>
    </message>
    <message>
        <source>will be ELIMINATED</source>
        <translation>será ELIMINADA</translation>
    </message>
    <message>
        <source>will be kept</source>
        <translation>será mantida</translation>
    </message>
</context>
<context>
    <name>Resguarda::RestoreSettings</name>
    <message>
        <source>%1 is damaged or was altered, and cannot be restored: %2 Use another copy.</source>
        <translation>%1 está danificada ou foi alterada, e não pode ser restaurada: %2 Use outra cópia.</translation>
    </message>
    <message>
        <source>Choose the copy to restore.</source>
        <translation>Escolha a cópia a restaurar.</translation>
    </message>
    <message>
        <source>Choose the installation to restore into.</source>
        <translation>Escolha a instalação onde restaurar.</translation>
    </message>
    <message>
        <source>Choose a year between %1 and %2 from which the annual and monthly tables are restored.</source>
        <translation>Escolha um ano entre %1 e %2 a partir do qual as tabelas anuais e mensais são restauradas.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Opening the copy…</source>
        <translation>Abrindo a cópia…</translation>
    </message>
    <message>
        <source>Working out what the restore will do…</source>
        <translation>Calculando o que a restauração fará…</translation>
    </message>
    <message>
        <source>Comparing the installation&apos;s data with the copy&apos;s date…</source>
        <translation>Comparando os dados da instalação com a data da cópia…</translation>
    </message>
    <message>
        <source>No temporary folder can be made in %1: %2</source>
        <translation>Não é possível criar uma pasta temporária em %1: %2</translation>
    </message>
    <message>
        <source>Connecting to the remote…</source>
        <translation>Conectando à nuvem…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Fetching the copy from the remote…</source>
        <translation>Baixando a cópia da nuvem…</translation>
    </message>
</context>
<context>
    <name>RestoreCommand</name>
    <message>
        <source>%1 from the copy replace %2 now in the installation</source>
        <translation>%1 da cópia substituem %2 que estão hoje na instalação</translation>
    </message>
    <message>
        <source>%1 from the copy</source>
        <translation>%1 da cópia</translation>
    </message>
    <message>
        <source>Will be replaced by the copy (their current data is discarded):</source>
        <translation>Serão substituídas pela cópia (os dados atuais serão descartados):</translation>
    </message>
    <message>
        <source>Will be added from the copy:</source>
        <translation>Serão incluídas a partir da cópia:</translation>
    </message>
    <message>
        <source>Will be ELIMINATED (Substitui dados existentes), because they are not being restored:</source>
        <translation>Serão ELIMINADAS (Substitui dados existentes), porque não estão sendo restauradas:</translation>
    </message>
    <message>
        <source>Will be kept as they are:</source>
        <translation>Serão mantidas como estão:</translation>
    </message>
    <message>
        <source>Document templates: not touched.</source>
        <translation>Modelos de documentos: não serão alterados.</translation>
    </message>
    <message>
        <source>Document templates: %1 replaced, %2 added; templates that are only in the installation are kept.</source>
        <translation>Modelos de documentos: %1 substituídos, %2 incluídos; os modelos que só existem na instalação são mantidos.</translation>
    </message>
    <message>
        <source>Annual and monthly tables before %1 are left out: not read from the copy, and those in the installation stay as they are.</source>
        <translation>As tabelas anuais e mensais anteriores a %1 ficam de fora: não são lidas da cópia, e as da instalação ficam como estão.</translation>
    </message>
    <message>
        <source>No existing data is replaced or eliminated.</source>
        <translation>Nenhum dado existente será substituído ou eliminado.</translation>
    </message>
    <message>
        <source>Before anything is replaced, a safety copy of the %1 that will be replaced or eliminated is written to the Copias folder.</source>
        <translation>Antes de qualquer substituição, uma cópia de segurança dos %1 que serão substituídos ou eliminados é gravada na pasta Copias.</translation>
    </message>
    <message>
        <source>NO safety copy will be made (--no-safety-copy): what is replaced or eliminated cannot be recovered unless you have another copy.</source>
        <translation>NÃO será feita cópia de segurança prévia (--no-safety-copy): o que for substituído ou eliminado não poderá ser recuperado, a menos que você tenha outra cópia.</translation>
    </message>
    <message>
        <source>Restores companies from a copy (Restauração de Dados).</source>
        <translation>Restaura empresas a partir de uma cópia (Restauração de Dados).</translation>
    </message>
    <message>
        <source>The copy to restore from.</source>
        <translation>A cópia de onde restaurar.</translation>
    </message>
    <message>
        <source>Installation folder of the system.</source>
        <translation>Pasta de instalação do sistema.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>PASTA</translation>
    </message>
    <message>
        <source>Only these companies of the copy, by code, separated by commas. Default: all.</source>
        <translation>Somente estas empresas da cópia, pelo código, separadas por vírgulas. Padrão: todas.</translation>
    </message>
    <message>
        <source>C1,C2</source>
        <translation>C1,C2</translation>
    </message>
    <message>
        <source>Substitui dados existentes: the other companies of the system are ELIMINATED from the installation.</source>
        <translation>Substitui dados existentes: as demais empresas do sistema são ELIMINADAS da instalação.</translation>
    </message>
    <message>
        <source>Inclui Modelos de Documentos: the copy&apos;s templates replace those of the same name.</source>
        <translation>Inclui Modelos de Documentos: os modelos da cópia substituem os de mesmo nome.</translation>
    </message>
    <message>
        <source>Não considera arquivos mortos: annual and monthly tables before YEAR are left out, and the installation&apos;s own stay as they are.</source>
        <translation>Não considera arquivos mortos: as tabelas anuais e mensais anteriores a ANO ficam de fora, e as da instalação ficam como estão.</translation>
    </message>
    <message>
        <source>YEAR</source>
        <translation>ANO</translation>
    </message>
    <message>
        <source>Do not copy what will be replaced or eliminated first.</source>
        <translation>Não faz antes a cópia de segurança do que será substituído ou eliminado.</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>Não pede confirmação.</translation>
    </message>
    <message>
        <source>Print only the result and errors.</source>
        <translation>Mostra somente o resultado e os erros.</translation>
    </message>
    <message>
        <source>Name one copy file.</source>
        <translation>Informe um arquivo de cópia.</translation>
    </message>
    <message>
        <source>Say which installation to restore into with --root DIR.</source>
        <translation>Informe em qual instalação restaurar com --root PASTA.</translation>
    </message>
    <message>
        <source>A restore replaces data and needs a confirmation: run it on a terminal, or add --yes to confirm in advance.</source>
        <translation>A restauração substitui dados e precisa de confirmação: execute-a num terminal, ou acrescente --yes para confirmar antecipadamente.</translation>
    </message>
    <message>
        <source>Restore now?</source>
        <translation>Restaurar agora?</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>Nada foi restaurado.</translation>
    </message>
    <message>
        <source>Data restored successfully from %1.</source>
        <translation>Restauração de Dados realizada com sucesso a partir de %1.</translation>
    </message>
    <message>
        <source>Safety copy of the previous data: %1</source>
        <translation>Cópia de segurança dos dados anteriores: %1</translation>
    </message>
    <message numerus="yes">
        <source>INCOMPLETE in the copy: %n file(s) or folder(s) were left out when it was made</source>
        <translation>
            <numerusform>INCOMPLETA na cópia: %n arquivo ou pasta ficou de fora quando ela foi feita</numerusform>
            <numerusform>INCOMPLETA na cópia: %n arquivos ou pastas ficaram de fora quando ela foi feita</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This copy is INCOMPLETE: %n file(s) or folder(s) were left out when it was made (see resguarda-cli list); what it does not hold is not restored.</source>
        <translation>
            <numerusform>Esta cópia está INCOMPLETA: %n arquivo ou pasta ficou de fora quando ela foi feita (veja resguarda-cli list); o que ela não contém não é restaurado.</numerusform>
            <numerusform>Esta cópia está INCOMPLETA: %n arquivos ou pastas ficaram de fora quando ela foi feita (veja resguarda-cli list); o que ela não contém não é restaurado.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>WARNING: %n company(ies) have newer data here than the copy; restoring loses that work:</source>
        <translation>
            <numerusform>ATENÇÃO: %n empresa tem aqui dados mais recentes que a cópia; a restauração perde esse trabalho:</numerusform>
            <numerusform>ATENÇÃO: %n empresas têm aqui dados mais recentes que a cópia; a restauração perde esse trabalho:</numerusform>
        </translation>
    </message>
    <message>
        <source>No temporary folder can be made in %1: %2</source>
        <translation>Não é possível criar uma pasta temporária em %1: %2</translation>
    </message>
    <message>
        <source>Fetched %1 (%2); it is checked before anything is restored.</source>
        <translation>%1 baixada (%2); ela é verificada antes de qualquer restauração.</translation>
    </message>
</context>
<context>
    <name>RestoreCompaniesStep</name>
    <message>
        <source>Copy of %1 – %2, made on %3 (%4)</source>
        <translation>Cópia de %1 – %2, gerada em %3 (%4)</translation>
    </message>
    <message>
        <source>It holds document templates.</source>
        <translation>Contém modelos de documentos.</translation>
    </message>
    <message>
        <source>It holds no document templates.</source>
        <translation>Não contém modelos de documentos.</translation>
    </message>
    <message>
        <source>Annual and monthly tables from %1 on.</source>
        <translation>Tabelas anuais e mensais a partir de %1.</translation>
    </message>
    <message>
        <source>All years, archived ones included.</source>
        <translation>Todos os anos, inclusive os do arquivo morto.</translation>
    </message>
    <message numerus="yes">
        <source>This copy is INCOMPLETE: %n item(s) were left out when it was made</source>
        <translation>
            <numerusform>Esta cópia está INCOMPLETA: %n item ficou de fora quando foi feita</numerusform>
            <numerusform>Esta cópia está INCOMPLETA: %n itens ficaram de fora quando foi feita</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… e mais %n</numerusform>
            <numerusform>… e mais %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the companies to restore. Those marked “will be replaced” already exist in this installation: their data will be replaced by the copy&apos;s.</source>
        <translation>Escolha as empresas a restaurar. As marcadas “será substituída” já existem nesta instalação: seus dados serão substituídos pelos da cópia.</translation>
    </message>
</context>
<context>
    <name>RestoreCopyStep</name>
    <message>
        <source>Which copy?</source>
        <translation>Qual cópia?</translation>
    </message>
    <message>
        <source>Opening %1 and checking it…</source>
        <translation>Abrindo e conferindo %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message numerus="yes">
        <source>This copy is INCOMPLETE: %n item(s) were left out when it was made</source>
        <translation>
            <numerusform>Esta cópia está INCOMPLETA: %n item ficou de fora quando foi feita</numerusform>
            <numerusform>Esta cópia está INCOMPLETA: %n itens ficaram de fora quando foi feita</numerusform>
        </translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Escolhida: %1</translation>
    </message>
    <message>
        <source>This copy is protected with a password. Type it to open the copy.</source>
        <translation>Esta cópia está protegida com senha. Digite a senha para abrir a cópia.</translation>
    </message>
    <message>
        <source>Password of the copy</source>
        <translation>Senha da cópia</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Mostrar a senha</translation>
    </message>
    <message>
        <source>Chosen: %1 (protected with a password)</source>
        <translation>Escolhida: %1 (protegida com senha)</translation>
    </message>
    <message>
        <source>Drive or folder</source>
        <translation>Disco ou pasta</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Nuvem</translation>
    </message>
    <message>
        <source>Fetching %1 from the cloud…</source>
        <translation>Baixando %1 da nuvem…</translation>
    </message>
</context>
<context>
    <name>RestoreJournal</name>
    <message>
        <source>the old staging folder could not be removed</source>
        <translation>a pasta de trabalho anterior não pôde ser removida</translation>
    </message>
    <message>
        <source>The restore could not prepare its work folder %1: %2. Nothing was changed in the installation.</source>
        <translation>A restauração não conseguiu preparar sua pasta de trabalho %1: %2. Nada foi alterado na instalação.</translation>
    </message>
    <message>
        <source>The restore could not write its journal (%1). Nothing was changed in the installation.</source>
        <translation>A restauração não conseguiu gravar seu diário (%1). Nada foi alterado na instalação.</translation>
    </message>
    <message>
        <source>The restore could not replace the data (%1). %2</source>
        <translation>A restauração não conseguiu substituir os dados (%1). %2</translation>
    </message>
    <message>
        <source>Everything was put back as it was before the restore.</source>
        <translation>Tudo foi recolocado como estava antes da restauração.</translation>
    </message>
    <message>
        <source>The restore could not write its journal (%1). %2</source>
        <translation>A restauração não conseguiu gravar seu diário (%1). %2</translation>
    </message>
    <message>
        <source>The interrupted restore could not be undone: %1. The previous data is kept in %2; do not delete that folder, and ask for support.</source>
        <translation>A restauração interrompida não pôde ser desfeita: %1. Os dados anteriores estão guardados em %2; não apague essa pasta e peça suporte.</translation>
    </message>
    <message>
        <source>An interrupted restore was found; it had not changed the installation. Its temporary files were removed.</source>
        <translation>Foi encontrada uma restauração interrompida; ela não tinha alterado a instalação. Seus arquivos temporários foram removidos.</translation>
    </message>
    <message>
        <source>An interrupted restore had finished replacing the data; its temporary files were removed.</source>
        <translation>Uma restauração interrompida já tinha terminado de substituir os dados; seus arquivos temporários foram removidos.</translation>
    </message>
    <message>
        <source>An interrupted restore was undone: every company is as it was before it.</source>
        <translation>Uma restauração interrompida foi desfeita: todas as empresas estão como estavam antes dela.</translation>
    </message>
    <message>
        <source>the journal is not valid (%1)</source>
        <translation>o diário não é válido (%1)</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>grande demais</translation>
    </message>
    <message>
        <source>not JSON</source>
        <translation>não é JSON</translation>
    </message>
    <message>
        <source>unknown state</source>
        <translation>estado desconhecido</translation>
    </message>
    <message>
        <source>invalid system code</source>
        <translation>código de sistema inválido</translation>
    </message>
    <message>
        <source>unknown action</source>
        <translation>ação desconhecida</translation>
    </message>
    <message>
        <source>a step names an invalid path</source>
        <translation>um passo indica um caminho inválido</translation>
    </message>
    <message>
        <source>a file or a symbolic link that Resguarda did not create is in its place; remove it</source>
        <translation>há no lugar dela um arquivo ou link simbólico que o Resguarda não criou; remova-o</translation>
    </message>
    <message>
        <source>%1 is a symbolic link or cannot be examined</source>
        <translation>%1 é um link simbólico ou não pode ser examinado</translation>
    </message>
    <message>
        <source>An interrupted restore left its work folder %1, but its journal cannot be trusted (%2). Resguarda will not guess what to undo, so nothing can be copied or restored until this is resolved. Do not delete that folder: the previous data of the companies may be in it. Ask for support.</source>
        <translation>Uma restauração interrompida deixou sua pasta de trabalho %1, mas o diário dela não é confiável (%2). O Resguarda não vai adivinhar o que desfazer, por isso nada pode ser copiado nem restaurado até que isso seja resolvido. Não apague essa pasta: os dados anteriores das empresas podem estar nela. Peça suporte.</translation>
    </message>
    <message>
        <source>%1 is a file or a symbolic link that Resguarda did not create. Remove it; until then nothing can be copied or restored.</source>
        <translation>%1 é um arquivo ou link simbólico que o Resguarda não criou. Remova-o; até lá nada pode ser copiado nem restaurado.</translation>
    </message>
    <message>
        <source>it is missing</source>
        <translation>ele não existe</translation>
    </message>
    <message>
        <source>it names system %1, which is not installed</source>
        <translation>ele indica o sistema %1, que não está instalado</translation>
    </message>
</context>
<context>
    <name>RestoreOptionsStep</name>
    <message>
        <source>Options</source>
        <translation>Opções</translation>
    </message>
    <message>
        <source>Replace existing data</source>
        <translation>Substitui dados existentes</translation>
    </message>
    <message>
        <source>The companies of this installation that are not being restored are ELIMINATED. Leave it off to keep them.</source>
        <translation>As empresas desta instalação que não estão sendo restauradas são ELIMINADAS. Deixe desmarcado para mantê-las.</translation>
    </message>
    <message>
        <source>These companies will be eliminated:</source>
        <translation>Estas empresas serão eliminadas:</translation>
    </message>
    <message>
        <source>Working out what the restore will do…</source>
        <translation>Calculando o que a restauração fará…</translation>
    </message>
    <message>
        <source>Include document templates</source>
        <translation>Inclui Modelos de Documentos</translation>
    </message>
    <message>
        <source>Restores the copy&apos;s queries, labels and documents; those with the same name as existing ones replace them.</source>
        <translation>Restaura as consultas, etiquetas e documentos da cópia; os que tiverem o mesmo nome de documentos existentes os substituem.</translation>
    </message>
    <message>
        <source>Leave out the archived years (arquivo morto)</source>
        <translation>Não Considera Arquivos Mortos</translation>
    </message>
    <message>
        <source>Faster: annual and monthly tables before the year below are not restored, and this installation&apos;s own are kept as they are.</source>
        <translation>Mais rápido: as tabelas anuais e mensais anteriores ao ano abaixo não são restauradas, e as desta instalação ficam como estão.</translation>
    </message>
    <message>
        <source>Restore tables from the year</source>
        <translation>Restaurar as tabelas a partir do ano</translation>
    </message>
    <message>
        <source>Safety copy before restoring</source>
        <translation>Cópia de segurança antes de restaurar</translation>
    </message>
    <message>
        <source>Copies what will be replaced or eliminated to the Copias folder first, so it can be brought back.</source>
        <translation>Copia antes para a pasta Copias o que será substituído ou eliminado, para que possa ser recuperado.</translation>
    </message>
    <message>
        <source>Without a safety copy, what is replaced or eliminated cannot be recovered unless you have another copy.</source>
        <translation>Sem a cópia de segurança, o que for substituído ou eliminado não poderá ser recuperado, a menos que você tenha outra cópia.</translation>
    </message>
</context>
<context>
    <name>RestorePlan</name>
    <message>
        <source>The copy is of the system %1 (%2), which is not installed in %3. Choose the installation of that system.</source>
        <translation>A cópia é do sistema %1 (%2), que não está instalado em %3. Escolha a instalação desse sistema.</translation>
    </message>
    <message>
        <source>The copy does not hold company %1. It holds: %2.</source>
        <translation>A cópia não contém a empresa %1. Ela contém: %2.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link, a folder or a special file where the template of the same name would be restored. Resguarda never writes through it. Remove or rename it, or restore without the document templates. Nothing was changed in the installation.</source>
        <translation>%1 é um link simbólico, uma pasta ou um arquivo especial onde seria restaurado o modelo de mesmo nome. O Resguarda nunca grava através dele. Remova-o ou renomeie-o, ou restaure sem os modelos de documentos. Nada foi alterado na instalação.</translation>
    </message>
</context>
<context>
    <name>RestoreResultStep</name>
    <message>
        <source>The previous data was saved in %1.</source>
        <translation>Os dados anteriores foram guardados em %1.</translation>
    </message>
    <message>
        <source>No existing data was replaced.</source>
        <translation>Nenhum dado existente foi substituído.</translation>
    </message>
    <message>
        <source>The previous data was saved in %1, protected with the same password as the copy.</source>
        <translation>Os dados anteriores foram guardados em %1, protegidos com a mesma senha da cópia.</translation>
    </message>
</context>
<context>
    <name>RestoreSummary</name>
    <message numerus="yes">
        <source>%n company(ies) have newer data here than the copy: that work is lost</source>
        <translation>
            <numerusform>%n empresa tem aqui dados mais recentes que a cópia: esse trabalho será perdido</numerusform>
            <numerusform>%n empresas têm aqui dados mais recentes que a cópia: esse trabalho será perdido</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n company(ies) will be ELIMINATED</source>
        <translation>
            <numerusform>%n empresa será ELIMINADA</numerusform>
            <numerusform>%n empresas serão ELIMINADAS</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n company(ies) will be replaced by the copy</source>
        <translation>
            <numerusform>%n empresa será substituída pela cópia</numerusform>
            <numerusform>%n empresas serão substituídas pela cópia</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n company(ies) will be added</source>
        <translation>
            <numerusform>%n empresa será incluída</numerusform>
            <numerusform>%n empresas serão incluídas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n company(ies) will be kept as they are</source>
        <translation>
            <numerusform>%n empresa será mantida como está</numerusform>
            <numerusform>%n empresas serão mantidas como estão</numerusform>
        </translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>substituído</translation>
    </message>
    <message>
        <source>added</source>
        <translation>incluído</translation>
    </message>
    <message numerus="yes">
        <source>%n document template(s): %1 replaced, %2 added</source>
        <translation>
            <numerusform>%n modelo de documento: %1 substituído, %2 incluído</numerusform>
            <numerusform>%n modelos de documentos: %1 substituídos, %2 incluídos</numerusform>
        </translation>
    </message>
    <message>
        <source>INCOMPLETE</source>
        <translation>INCOMPLETA</translation>
    </message>
</context>
<context>
    <name>RestoreSummaryStep</name>
    <message>
        <source>What will happen</source>
        <translation>O que vai acontecer</translation>
    </message>
    <message>
        <source>Make sure nobody is using the system on this or another machine: the restore will not start otherwise.</source>
        <translation>Certifique-se de que ninguém esteja usando o sistema nesta ou em outra máquina: caso contrário a restauração não começa.</translation>
    </message>
    <message>
        <source>Working out what the restore will do…</source>
        <translation>Calculando o que a restauração fará…</translation>
    </message>
    <message>
        <source>System %1 – %2</source>
        <translation>Sistema %1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>This copy is INCOMPLETE: %n item(s) were left out when it was made</source>
        <translation>
            <numerusform>Esta cópia está INCOMPLETA: %n item ficou de fora quando foi feita</numerusform>
            <numerusform>Esta cópia está INCOMPLETA: %n itens ficaram de fora quando foi feita</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the companies to restore will come back without what the copy could not hold.</source>
        <translation>
            <numerusform>%n das empresas a restaurar voltará sem o que a cópia não pôde guardar.</numerusform>
            <numerusform>%n das empresas a restaurar voltarão sem o que a cópia não pôde guardar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Comparing the installation&apos;s data with the copy&apos;s date…</source>
        <translation>Comparando os dados da instalação com a data da cópia…</translation>
    </message>
    <message>
        <source>Document templates are not touched.</source>
        <translation>Os modelos de documentos não serão alterados.</translation>
    </message>
    <message>
        <source>Before anything is replaced, a safety copy of the %1 that will be replaced or eliminated is saved in the Copias folder.</source>
        <translation>Antes de qualquer substituição, uma cópia de segurança dos %1 que serão substituídos ou eliminados é gravada na pasta Copias.</translation>
    </message>
    <message>
        <source>No safety copy will be made.</source>
        <translation>Não será feita cópia de segurança prévia.</translation>
    </message>
    <message>
        <source>I understand what will be replaced and eliminated, and that newer data is lost</source>
        <translation>Entendo o que será substituído e eliminado, e que os dados mais recentes serão perdidos</translation>
    </message>
    <message>
        <source>I understand what will be replaced and eliminated</source>
        <translation>Entendo o que será substituído e eliminado</translation>
    </message>
</context>
<context>
    <name>RestoreWizard</name>
    <message>
        <source>Restore data</source>
        <translation>Restaurar dados</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Cópia</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Empresas</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opções</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Restaurando</translation>
    </message>
    <message>
        <source>Restore now</source>
        <translation>Restaurar agora</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restaurando…</translation>
    </message>
    <message>
        <source>Nothing in the installation changes until the copy has been fully extracted and checked. Cancelling before that leaves everything as it was.</source>
        <translation>Nada muda na instalação até a cópia ser extraída e conferida por inteiro. Cancelar antes disso deixa tudo como estava.</translation>
    </message>
    <message>
        <source>Choose a copy to continue</source>
        <translation>Escolha uma cópia para continuar</translation>
    </message>
    <message>
        <source>Correct the options to continue</source>
        <translation>Corrija as opções para continuar</translation>
    </message>
    <message>
        <source>Mark the confirmation to continue</source>
        <translation>Marque a confirmação para continuar</translation>
    </message>
    <message>
        <source>Type the password of the copy and choose Open to continue</source>
        <translation>Digite a senha da cópia e toque em Abrir para continuar</translation>
    </message>
</context>
<context>
    <name>RootedDir</name>
    <message>
        <source>a symbolic link is in the way (Resguarda never follows one here)</source>
        <translation>há um link simbólico no caminho (o Resguarda nunca segue links aqui)</translation>
    </message>
    <message>
        <source>the path leads outside its folder</source>
        <translation>o caminho sai da sua pasta</translation>
    </message>
    <message>
        <source>%1 could not be removed: %2</source>
        <translation>Não foi possível remover %1: %2</translation>
    </message>
    <message>
        <source>%1 is another disk mounted inside the folder; it was left alone</source>
        <translation>%1 é outro disco montado dentro da pasta; não foi mexido</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>Não foi possível abrir %1: %2</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>Não foi possível ler %1: %2</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>não é um arquivo comum</translation>
    </message>
    <message>
        <source>%1 is not a valid path</source>
        <translation>%1 não é um caminho válido</translation>
    </message>
    <message>
        <source>%1 could not be created: %2</source>
        <translation>Não foi possível criar %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a folder (a file or a symbolic link is in the way)</source>
        <translation>%1 não é uma pasta (há um arquivo ou link simbólico no caminho)</translation>
    </message>
    <message>
        <source>%1 could not be moved to %2: %3</source>
        <translation>Não foi possível mover %1 para %2: %3</translation>
    </message>
    <message>
        <source>it is not a file or folder</source>
        <translation>não é um arquivo nem uma pasta</translation>
    </message>
</context>
<context>
    <name>SendCommand</name>
    <message>
        <source>Sent off site: %1</source>
        <translation>Enviada para fora do local: %1</translation>
    </message>
    <message>
        <source>  %1, checked on the remote by its size (the remote offers no hash).</source>
        <translation>  %1, conferida no remoto pelo tamanho (o remoto não oferece hash).</translation>
    </message>
    <message>
        <source>  %1, checked on the remote by its size and %2 hash.</source>
        <translation>  %1, conferida no remoto pelo tamanho e pelo hash %2.</translation>
    </message>
    <message numerus="yes">
        <source>  %n leftover(s) of an interrupted earlier run cleared.</source>
        <translation>
            <numerusform>  %n sobra de um envio interrompido removida.</numerusform>
            <numerusform>  %n sobras de um envio interrompido removidas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sends an existing copy to an rclone remote, after verifying it.</source>
        <translation>Envia uma cópia existente a um remoto do rclone, depois de verificá-la.</translation>
    </message>
    <message>
        <source>The copy file.</source>
        <translation>O arquivo da cópia.</translation>
    </message>
    <message>
        <source>Where to send it: NAME:FOLDER, NAME being a remote configured with &quot;rclone config&quot;.</source>
        <translation>Para onde enviar: NOME:PASTA, sendo NOME um remoto configurado com &quot;rclone config&quot;.</translation>
    </message>
    <message>
        <source>NAME:FOLDER</source>
        <translation>NOME:PASTA</translation>
    </message>
    <message>
        <source>Installation whose history records the off-site copy.</source>
        <translation>Instalação cujo histórico registra a cópia fora do local.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>PASTA</translation>
    </message>
    <message>
        <source>Print only the result and errors.</source>
        <translation>Mostra só o resultado e os erros.</translation>
    </message>
    <message>
        <source>Name one copy file.</source>
        <translation>Indique um arquivo de cópia.</translation>
    </message>
    <message>
        <source>Say where to send the copy with --remote NAME:FOLDER.</source>
        <translation>Diga para onde enviar a cópia com --remote NOME:PASTA.</translation>
    </message>
    <message>
        <source>  %1, checked on the remote by its size only (the remote keeps no hash for this file).</source>
        <translation>  %1, conferida no remoto só pelo tamanho (o remoto não guarda hash deste arquivo).</translation>
    </message>
    <message>
        <source>%1 is not named as a copy (Copia….zip): only copies are sent.</source>
        <translation>%1 não tem nome de cópia (Copia….zip): só cópias são enviadas.</translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>cannot lock %1</source>
        <translation>não foi possível bloquear %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>não foi possível gravar %1</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>não foi possível criar a pasta %1</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>não foi possível criar %1: %2</translation>
    </message>
    <message>
        <source>cannot find a free session file name in %1</source>
        <translation>não há nome livre para o arquivo de sessão em %1</translation>
    </message>
    <message>
        <source>- an unidentified client (session file %1)</source>
        <translation>- um usuário não identificado (arquivo de sessão %1)</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>usuário desconhecido</translation>
    </message>
    <message>
        <source>unknown machine</source>
        <translation>máquina desconhecida</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>- %1 on %2, system %3, since %4</source>
        <translation>- %1 na máquina %2, sistema %3, desde %4</translation>
    </message>
    <message>
        <source>- %1 on %2, system %3</source>
        <translation>- %1 na máquina %2, sistema %3</translation>
    </message>
    <message>
        <source>Could not register the maintenance session in %1 (%2). Check that this user may write to that folder and try again.</source>
        <translation>Não foi possível registrar a sessão de manutenção em %1 (%2). Verifique se este usuário pode gravar nessa pasta e tente novamente.</translation>
    </message>
    <message numerus="yes">
        <source>The installation is in use by %n connected session(s):</source>
        <translation>
            <numerusform>A instalação está em uso por %n sessão conectada:</numerusform>
            <numerusform>A instalação está em uso por %n sessões conectadas:</numerusform>
        </translation>
    </message>
    <message>
        <source>Ask them to close the system and try again.</source>
        <translation>Peça que saiam do sistema e tente novamente.</translation>
    </message>
    <message>
        <source>cannot open the folder %1 (a symbolic link there is never followed): %2</source>
        <translation>não foi possível abrir a pasta %1 (um link simbólico ali nunca é seguido): %2</translation>
    </message>
</context>
<context>
    <name>StartupOptions</name>
    <message>
        <source>Installation folder of the system.</source>
        <translation>Pasta de instalação do sistema.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>PASTA</translation>
    </message>
    <message>
        <source>System to open.</source>
        <translation>Sistema a abrir.</translation>
    </message>
    <message>
        <source>SIS</source>
        <translation>SIS</translation>
    </message>
    <message>
        <source>Open on the backup wizard.</source>
        <translation>Abre direto na Cópia de Segurança.</translation>
    </message>
    <message>
        <source>Open on the restore wizard.</source>
        <translation>Abre direto na Restauração de Dados.</translation>
    </message>
    <message>
        <source>Language, e.g. pt_BR or en.</source>
        <translation>Idioma, por exemplo pt_BR ou en.</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>IDIOMA</translation>
    </message>
    <message>
        <source>Use either --backup or --restore.</source>
        <translation>Use --backup ou --restore, não os dois.</translation>
    </message>
    <message>
        <source>Run as a touch kiosk (full screen, on-screen keyboard) from now on.</source>
        <translation>Funciona como quiosque de toque (tela cheia, teclado na tela) daqui em diante.</translation>
    </message>
    <message>
        <source>Leave kiosk mode for good.</source>
        <translation>Sai do modo quiosque de vez.</translation>
    </message>
    <message>
        <source>Kiosk: seconds without input before going back Home (default 180).</source>
        <translation>Quiosque: segundos sem uso antes de voltar ao Início (padrão 180).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEGUNDOS</translation>
    </message>
    <message>
        <source>Use either --kiosk or --no-kiosk.</source>
        <translation>Use --kiosk ou --no-kiosk, não os dois.</translation>
    </message>
    <message>
        <source>--idle-timeout needs a number of seconds greater than zero.</source>
        <translation>--idle-timeout precisa de um número de segundos maior que zero.</translation>
    </message>
</context>
<context>
    <name>SystemSelector</name>
    <message>
        <source>This installation has no systems to copy.</source>
        <translation>Esta instalação não tem sistemas a copiar.</translation>
    </message>
    <message>
        <source>The system %1 is not installed in %2. Installed systems: %3.</source>
        <translation>O sistema %1 não está instalado em %2. Sistemas instalados: %3.</translation>
    </message>
    <message>
        <source>This installation has several systems (%1): choose one with --system, or copy all of them with --all-systems.</source>
        <translation>Esta instalação tem vários sistemas (%1): escolha um com --system, ou copie todos com --all-systems.</translation>
    </message>
    <message>
        <source>--companies names companies of one system, and this installation has several (%1): say with --system whose companies they are. The other systems are copied with all their companies.</source>
        <translation>--companies indica empresas de um sistema, e esta instalação tem vários (%1): diga com --system de qual sistema são as empresas. Os demais sistemas são copiados com todas as suas empresas.</translation>
    </message>
</context>
<context>
    <name>Usage</name>
    <message>
        <source>Cancelled: the operation was interrupted and stopped cleanly; its temporary files were removed.</source>
        <translation>Cancelado: a operação foi interrompida e parou de forma segura; seus arquivos temporários foram removidos.</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Comando desconhecido: %1</translation>
    </message>
    <message>
        <source>Usage: resguarda-cli &lt;command&gt; [options]

Backup and restore of the companies of the system&apos;s installation.

Commands:
  backup   make a copy of chosen companies (Cópia de Segurança)
  restore  restore chosen companies from a copy (Restauração de Dados)
  list     show what a copy holds
  verify   read a whole copy and check it
  demo     create a demonstration installation
  history  show the backups and restores of an installation
  send     send an existing copy to an rclone remote (off site)
  remote   list the copies on an rclone remote

resguarda-cli &lt;command&gt; --help shows the options of a command.
Exit codes: 0 success, 1 failed, 2 usage error, 3 installation in use, 4 invalid or damaged copy, 5 incomplete copy written (--allow-incomplete), 6 protected copy whose password is missing or wrong, 7 copy made but not sent off site, 130 cancelled (Ctrl-C or SIGTERM).</source>
        <translation>Uso: resguarda-cli &lt;comando&gt; [opções]

Cópia de Segurança e Restauração de Dados das empresas da instalação do sistema.

Comandos:
  backup   gera a Cópia de Segurança das empresas escolhidas
  restore  restaura empresas escolhidas a partir de uma cópia (Restauração de Dados)
  list     mostra o conteúdo de uma cópia
  verify   lê uma cópia inteira e a verifica
  demo     cria uma instalação de demonstração
  history  mostra as cópias e restaurações de uma instalação
  send     envia uma cópia existente a um remoto do rclone (fora do local)
  remote   lista as cópias de um remoto do rclone

resguarda-cli &lt;comando&gt; --help mostra as opções de um comando.
Códigos de saída: 0 sucesso, 1 falha, 2 erro de uso, 3 instalação em uso, 4 cópia inválida ou danificada, 5 cópia incompleta gravada (--allow-incomplete), 6 cópia protegida sem a senha ou com a senha errada, 7 cópia feita mas não enviada para fora do local, 130 cancelado (Ctrl-C ou SIGTERM).</translation>
    </message>
</context>
<context>
    <name>VerifyCommand</name>
    <message>
        <source>Verifying %1 was cancelled: the copy was not fully checked.</source>
        <translation>A verificação de %1 foi cancelada: a cópia não foi verificada por inteiro.</translation>
    </message>
    <message>
        <source>Reads every entry of a copy and checks it against its manifest.</source>
        <translation>Lê todos os itens de uma cópia e os confere com o manifesto.</translation>
    </message>
    <message>
        <source>The copy file.</source>
        <translation>O arquivo da cópia.</translation>
    </message>
    <message>
        <source>Print only the verdict.</source>
        <translation>Mostra somente o resultado.</translation>
    </message>
    <message>
        <source>Name one copy file.</source>
        <translation>Informe um arquivo de cópia.</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problema: %1</translation>
    </message>
    <message numerus="yes">
        <source>The copy %1 is damaged: %n problem(s) found. Do not rely on it; use another copy and make a new one.</source>
        <translation>
            <numerusform>A cópia %1 está danificada: %n problema encontrado. Não confie nela; use outra cópia e gere uma nova.</numerusform>
            <numerusform>A cópia %1 está danificada: %n problemas encontrados. Não confie nela; use outra cópia e gere uma nova.</numerusform>
        </translation>
    </message>
    <message>
        <source>The copy %1 is intact: %2 files, %3 of data checked.</source>
        <translation>A cópia %1 está íntegra: %2 arquivos, %3 de dados verificados.</translation>
    </message>
    <message numerus="yes">
        <source>But it is an INCOMPLETE copy: %n file(s) or folder(s) were left out when it was made (--allow-incomplete):</source>
        <translation>
            <numerusform>Mas é uma cópia INCOMPLETA: %n arquivo ou pasta ficou de fora quando ela foi feita (--allow-incomplete):</numerusform>
            <numerusform>Mas é uma cópia INCOMPLETA: %n arquivos ou pastas ficaram de fora quando ela foi feita (--allow-incomplete):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Bem-vindo</translation>
    </message>
    <message>
        <source>No installation is open</source>
        <translation>Nenhuma instalação aberta</translation>
    </message>
    <message>
        <source>Resguarda makes and restores the backup copies of the companies of the system. Choose the folder where the system is installed, or try it first on a demonstration installation with made-up companies.</source>
        <translation>O Resguarda gera e restaura as cópias de segurança das empresas do sistema. Escolha a pasta onde o sistema está instalado, ou experimente antes numa instalação de demonstração com empresas fictícias.</translation>
    </message>
    <message>
        <source>Open a demonstration</source>
        <translation>Abrir uma demonstração</translation>
    </message>
    <message>
        <source>Creates made-up companies in %1</source>
        <translation>Cria empresas fictícias em %1</translation>
    </message>
    <message>
        <source>Choose the installation</source>
        <translation>Escolher a instalação</translation>
    </message>
    <message>
        <source>The folder that holds sistemas.json</source>
        <translation>A pasta que contém o sistemas.json</translation>
    </message>
    <message>
        <source>Creating the demonstration… %1%</source>
        <translation>Criando a demonstração… %1%</translation>
    </message>
</context>
<context>
    <name>WipeDialog</name>
    <message>
        <source>Empty the destination disk?</source>
        <translation>Apagar o conteúdo do disco de destino?</translation>
    </message>
    <message>
        <source>Everything on this disk will be erased:</source>
        <translation>Tudo o que há neste disco será apagado:</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 files</source>
        <translation>%1 · %2 · %3 arquivos</translation>
    </message>
    <message>
        <source>Previous copies on it are erased only after the new copy has been written and verified.</source>
        <translation>As cópias anteriores nele só são apagadas depois de a nova cópia ser gravada e verificada.</translation>
    </message>
    <message>
        <source>Keep the files</source>
        <translation>Manter os arquivos</translation>
    </message>
    <message>
        <source>Erase the disk</source>
        <translation>Apagar o disco</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <source>Finish</source>
        <translation>Concluir</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Avançar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
</context>
<context>
    <name>WizardScaffold</name>
    <message>
        <source>Next</source>
        <translation>Avançar</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
</context>
</TS>
