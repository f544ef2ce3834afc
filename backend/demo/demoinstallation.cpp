// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demoinstallation.h"

#include "installation/cnpj.h"
#include "installation/installation.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTime>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <vector>

namespace Resguarda {

namespace {

constexpr qint64 mebibyte = 1024 * 1024;
// Records are generated into this buffer and written in one call: large
// enough for throughput, small enough to keep memory bounded.
constexpr qint64 writeBufferSize = mebibyte;

constexpr int minCompanies = 1, maxCompanies = 9999;
constexpr int minYears = 1, maxYears = 50;
constexpr int minSizeMb = 1, maxSizeMb = 1000000;
constexpr int minLastYear = 1900, maxLastYear = 2100;
// The arquivo morto of each company holds this many years before the active ones.
constexpr int minArchivedYears = 2, maxArchivedYears = 4;

// Word lists. Tables are written in ISO-8859-1 like those of the legacy
// business system, so one character is one byte and records keep their width.
enum Words : quint8 {
    NoWords,
    Assets,
    AssetDetails,
    AssetStatus,
    Departments,
    Groups,
    Products,
    Packages,
    UnitCodes,
    Histories,
    MovementKinds,
    PartnerKinds,
    PartnerNames,
    Cities,
    States,
    Cfops,
    OrderStatus,
    PaymentTerms,
    wordListCount
};

using WordLists = std::vector<std::vector<QByteArray>>;

// The word lists read better packed than one per line.
// clang-format off
WordLists makeWordLists()
{
    WordLists lists(wordListCount);
    auto add = [&](Words id, std::initializer_list<const char16_t *> words) {
        for (const char16_t *word : words)
            lists[id].push_back(QStringView(word).toLatin1());
    };
    add(Assets,
        {u"COMPUTADOR", u"NOTEBOOK", u"IMPRESSORA", u"MONITOR", u"VEÍCULO UTILITÁRIO",
         u"CAMINHÃO BAÚ", u"EMPILHADEIRA", u"MESA", u"CADEIRA", u"ARMÁRIO", u"BALCÃO FRIGORÍFICO",
         u"FORNO", u"GELADEIRA", u"TORNO MECÂNICO", u"COMPRESSOR", u"AR CONDICIONADO",
         u"PRATELEIRA", u"BETONEIRA", u"ANDAIME", u"GERADOR", u"SERVIDOR", u"CÂMARA FRIA",
         u"MOEDOR DE CARNE", u"AMASSADEIRA", u"ESTANTE", u"COFRE", u"TELEFONE", u"ROTEADOR"});
    add(AssetDetails,
        {u"INDUSTRIAL", u"ELÉTRICO", u"DE AÇO", u"GIRATÓRIA", u"DE ESCRITÓRIO", u"USADO", u"NOVO",
         u"INOX", u"DIESEL", u"PORTÁTIL", u"DE MADEIRA", u"COM GAVETAS", u"220V", u"TRIFÁSICO",
         u"2 PORTAS", u"SPLIT 12000 BTU", u"A GÁS", u"REFORMADO", u"MODELO LUXO"});
    add(AssetStatus, {u"A", u"A", u"A", u"A", u"B", u"M"});
    add(Departments,
        {u"ADMINISTRAÇÃO", u"PRODUÇÃO", u"DEPÓSITO", u"LOJA", u"EXPEDIÇÃO", u"ESCRITÓRIO",
         u"OFICINA", u"GARAGEM", u"RECEPÇÃO", u"DIRETORIA"});
    add(Groups,
        {u"MÓVEIS E UTENSÍLIOS", u"MÁQUINAS E EQUIPAMENTOS", u"VEÍCULOS", u"EDIFICAÇÕES",
         u"INSTALAÇÕES", u"COMPUTADORES E PERIFÉRICOS", u"FERRAMENTAS", u"TERRENOS",
         u"BENFEITORIAS EM IMÓVEIS DE TERCEIROS", u"SOFTWARE", u"APARELHOS DE TELEFONIA",
         u"EQUIPAMENTOS DE SEGURANÇA"});
    add(Products,
        {u"PARAFUSO SEXTAVADO", u"CIMENTO CP II", u"FARINHA DE TRIGO", u"AÇÚCAR CRISTAL",
         u"ÓLEO DE SOJA", u"PAPEL A4", u"TONER", u"CAFÉ TORRADO", u"DETERGENTE", u"LUVA NITRÍLICA",
         u"TINTA ACRÍLICA", u"CABO ELÉTRICO", u"TUBO PVC", u"CARNE BOVINA", u"FRANGO CONGELADO",
         u"LEITE INTEGRAL", u"FERMENTO BIOLÓGICO", u"SACO PLÁSTICO", u"ETIQUETA ADESIVA",
         u"ÁLCOOL 70%", u"ARGAMASSA", u"TIJOLO CERÂMICO", u"LÂMPADA LED", u"MAÇANETA",
         u"PÃO FRANCÊS", u"MANTEIGA", u"LINGUIÇA TOSCANA", u"DISJUNTOR", u"ARRUELA",
         u"AREIA MÉDIA"});
    add(Packages,
        {u"10MM", u"50KG", u"1L", u"CX 12", u"PCT 500G", u"ROLO 100M", u"UN", u"FD 10", u"2,5MM",
         u"18L", u"SC 25KG", u"GALÃO 3,6L", u"BARRA 6M", u"MILHEIRO", u"BANDEJA 1KG"});
    add(UnitCodes, {u"UN", u"KG", u"CX", u"LT", u"PC", u"MT", u"SC", u"FD"});
    add(Histories,
        {u"PAGAMENTO", u"RECEBIMENTO", u"COMPRA", u"VENDA", u"TRANSFERÊNCIA",
         u"BAIXA POR ALIENAÇÃO", u"DEPRECIAÇÃO", u"AQUISIÇÃO", u"MANUTENÇÃO", u"DEVOLUÇÃO", u"NF",
         u"REF.", u"CONFORME", u"PEDIDO", u"SERVIÇO", u"ADIANTAMENTO", u"JUROS", u"DESCONTO",
         u"FRETE", u"ICMS", u"IPI", u"CONTRATO", u"REMESSA", u"BONIFICAÇÃO",
         u"SUBSTITUIÇÃO TRIBUTÁRIA", u"ESTORNO", u"AJUSTE DE INVENTÁRIO", u"PERDA", u"DOAÇÃO"});
    add(MovementKinds, {u"AQ", u"AQ", u"BX", u"TR", u"DP", u"DP", u"DP", u"RV"});
    add(PartnerKinds,
        {u"DISTRIBUIDORA", u"ATACADO", u"COMERCIAL", u"INDÚSTRIA", u"TRANSPORTADORA", u"MADEIREIRA",
         u"FRIGORÍFICO", u"LATICÍNIOS", u"CEREALISTA", u"PAPELARIA", u"ELÉTRICA", u"CONSTRUTORA",
         u"AUTO POSTO", u"GRÁFICA"});
    add(PartnerNames,
        {u"SANTA RITA LTDA", u"MINEIRA S.A.", u"DO VALE LTDA", u"PAULISTA ME", u"GAÚCHA LTDA",
         u"NORDESTE EIRELI", u"SÃO CRISTÓVÃO LTDA", u"PIRÂMIDE S.A.", u"BOM JESUS LTDA",
         u"CAMPOS GERAIS ME", u"IGUAÇU LTDA", u"ALIANÇA S.A.", u"PROGRESSO LTDA",
         u"TRÊS CORAÇÕES LTDA", u"ITAPEMA ME", u"MARINGÁ LTDA", u"JACARÉ EIRELI"});
    add(Cities, {u"SÃO PAULO", u"CAMPINAS",      u"RIBEIRÃO PRETO", u"BELO HORIZONTE",
                 u"CURITIBA",  u"FLORIANÓPOLIS", u"GOIÂNIA",        u"MACEIÓ",
                 u"BRASÍLIA",  u"JUNDIAÍ",       u"MARÍLIA",        u"SOROCABA",
                 u"LONDRINA",  u"UBERLÂNDIA",    u"VITÓRIA",        u"SÃO JOSÉ DOS CAMPOS",
                 u"CRICIÚMA",  u"PETRÓPOLIS",    u"ANÁPOLIS",       u"BAURU"});
    add(States,
        {u"SP", u"SP", u"SP", u"MG", u"PR", u"SC", u"RS", u"RJ", u"GO", u"BA", u"PE", u"ES",
         u"DF"});
    add(Cfops,
        {u"1102", u"1403", u"1556", u"2102", u"5102", u"5405", u"6102", u"1949", u"5949", u"1551",
         u"2403", u"5929"});
    add(OrderStatus, {u"A", u"F", u"F", u"F", u"C", u"P"});
    add(PaymentTerms,
        {u"À VISTA", u"30 DIAS", u"30/60 DIAS", u"30/60/90 DIAS", u"28 DIAS BOLETO",
         u"ENTRADA + 2 PARCELAS", u"CARTÃO DE CRÉDITO", u"DEPÓSITO ANTECIPADO"});
    return lists;
}
// clang-format on

enum class FieldType : quint8 {
    Sequence, // record number, zero-padded
    Date, // DD/MM/AAAA, increasing through the file's period
    DateCompact, // AAAAMMDD, same
    Partner, // a CNPJ from the company's partners
    PartnerBySequence, // the partner of this record number (partner registers)
    OwnCode, // the company code
    OwnName, // the company name, upper case
    OwnCnpj, // the company CNPJ
    Amount, // right-aligned, comma decimals: "    1234,56"
    Quantity, // zero-padded integer below 10^magnitude
    Text, // words of list, maybe of list2, maybe a document number
    Choice, // one word of list, left-aligned
    Digits, // random digits
};

struct Field
{
    FieldType type;
    int width;
    Words list = NoWords;
    Words list2 = NoWords;
    int magnitude = 0; // Amount: digits of cents; Quantity: digits; Text: digits of a number
};

struct TableDef
{
    QString fileName; // relative to the period folder, may hold a subfolder
    std::vector<Field> fields;
    double weight = 0; // relative share of the data; 0 = fixedRecords
    int fixedRecords = 0;
    int recordLength = 0; // with CR LF
};

TableDef table(const char16_t *fileName, double weight, std::vector<Field> fields,
               int fixedRecords = 0)
{
    TableDef def {QString::fromUtf16(fileName), std::move(fields), weight, fixedRecords, 2};
    for (auto &field : def.fields) {
        // An amount below 10^magnitude cents must fit with its comma.
        if (field.type == FieldType::Amount)
            field.magnitude = std::clamp(field.magnitude, 3, field.width - 1);
        def.recordLength += field.width;
    }
    return def;
}

struct TemplateDef
{
    QString path; // relative to modelos/
    QString text;
};

struct SystemDef
{
    QString code;
    QString name;
    QString programName; // programa/<programName>.bin
    QString readme;
    std::vector<TemplateDef> templates;
    std::vector<TableDef> permanent;
    std::vector<TableDef> annual;
    std::vector<TableDef> monthly;
};

TableDef companyRegister()
{
    return table(u"cadastro.dat", 0,
                 {{FieldType::OwnCode, 4},
                  {FieldType::OwnName, 60},
                  {FieldType::OwnCnpj, 18},
                  {FieldType::Choice, 25, Cities},
                  {FieldType::Choice, 2, States},
                  {FieldType::Date, 10},
                  {FieldType::Digits, 11}},
                 1);
}

TableDef partnerRegister(const char16_t *fileName)
{
    return table(fileName, 15,
                 {{FieldType::PartnerBySequence, 18},
                  {FieldType::Text, 50, PartnerKinds, PartnerNames},
                  {FieldType::Choice, 25, Cities},
                  {FieldType::Choice, 2, States},
                  {FieldType::Digits, 11},
                  {FieldType::Date, 10},
                  {FieldType::Choice, 24, PaymentTerms}});
}

TableDef fiscalBook(const char16_t *fileName, double weight)
{
    return table(fileName, weight,
                 {{FieldType::Sequence, 8},
                  {FieldType::Date, 10},
                  {FieldType::Partner, 18},
                  {FieldType::Digits, 9},
                  {FieldType::Choice, 4, Cfops},
                  {FieldType::Choice, 2, States},
                  {FieldType::Amount, 15, NoWords, NoWords, 9},
                  {FieldType::Amount, 15, NoWords, NoWords, 9},
                  {FieldType::Amount, 15, NoWords, NoWords, 8},
                  {FieldType::Amount, 15, NoWords, NoWords, 7}});
}

// The installed systems. Weights make monthly and annual tables dominate and
// a few tables (purchase items, outgoing fiscal book) clearly the biggest.
std::vector<SystemDef> makeSystems()
{
    std::vector<SystemDef> systems;

    SystemDef at;
    at.code = QStringLiteral("AT");
    at.name = QStringLiteral("Ativo Imobilizado");
    at.programName = QStringLiteral("ativo");
    at.permanent = {
        companyRegister(),
        table(u"bens.dat", 30,
              {{FieldType::Sequence, 6},
               {FieldType::Text, 50, Assets, AssetDetails},
               {FieldType::Digits, 3},
               {FieldType::Date, 10},
               {FieldType::Amount, 15, NoWords, NoWords, 9},
               {FieldType::Amount, 15, NoWords, NoWords, 8},
               {FieldType::Partner, 18},
               {FieldType::Choice, 1, AssetStatus},
               {FieldType::Choice, 20, Departments}}),
        table(u"grupos.dat", 0,
              {{FieldType::Sequence, 3},
               {FieldType::Choice, 40, Groups},
               {FieldType::Digits, 4},
               {FieldType::Digits, 12}},
              12),
        table(u"histórico de baixas.dat", 6,
              {{FieldType::Sequence, 6},
               {FieldType::Digits, 6},
               {FieldType::Date, 10},
               {FieldType::Text, 50, Histories, Histories, 6},
               {FieldType::Amount, 15, NoWords, NoWords, 8},
               {FieldType::Amount, 15, NoWords, NoWords, 8}}),
    };
    at.annual = {
        table(u"saldos.dat", 25,
              {{FieldType::Sequence, 6},
               {FieldType::Amount, 15, NoWords, NoWords, 9},
               {FieldType::Amount, 15, NoWords, NoWords, 9},
               {FieldType::Amount, 15, NoWords, NoWords, 8},
               {FieldType::Amount, 15, NoWords, NoWords, 9},
               {FieldType::Choice, 1, AssetStatus}}),
        table(u"depreciacao.dat", 20,
              {{FieldType::Digits, 6},
               {FieldType::Date, 10},
               {FieldType::Amount, 15, NoWords, NoWords, 7},
               {FieldType::Amount, 15, NoWords, NoWords, 9},
               {FieldType::Digits, 4}}),
    };
    at.monthly = {
        table(u"movimentos.dat", 20,
              {{FieldType::Sequence, 7},
               {FieldType::Date, 10},
               {FieldType::Digits, 6},
               {FieldType::Choice, 2, MovementKinds},
               {FieldType::Text, 50, Histories, Histories, 6},
               {FieldType::Amount, 15, NoWords, NoWords, 8},
               {FieldType::Partner, 18}}),
        table(u"depreciacao.dat", 12,
              {{FieldType::Digits, 6},
               {FieldType::DateCompact, 8},
               {FieldType::Amount, 13, NoWords, NoWords, 7},
               {FieldType::Amount, 15, NoWords, NoWords, 9},
               {FieldType::Amount, 15, NoWords, NoWords, 9}}),
    };
    at.templates = {
        {QStringLiteral("consultas/Bens por grupo.cns"),
         QStringLiteral("# Consulta: Bens por grupo\nTABELA bens.dat\n"
                        "CAMPOS codigo;descricao;grupo;aquisicao;valor\n"
                        "ORDEM grupo, codigo\nFILTRO situacao = \"A\"\n")},
        {QStringLiteral("consultas/Depreciação acumulada.cns"),
         QStringLiteral("# Consulta: Depreciação acumulada por bem\nTABELA anual/saldos.dat\n"
                        "CAMPOS bem;saldo_inicial;depreciacao;saldo_final\nTOTAL depreciacao\n")},
        {QStringLiteral("etiquetas/Etiqueta de patrimônio.etq"),
         QStringLiteral("LARGURA 60\nALTURA 30\nLINHA 1 \"PATRIMÔNIO\"\nLINHA 2 {codigo}\n"
                        "LINHA 3 {descricao:30}\nCODIGO_BARRAS {codigo}\n")},
        {QStringLiteral("documentos/Termo de responsabilidade.rtf"),
         QStringLiteral(
             "{\\rtf1\\ansi TERMO DE RESPONSABILIDADE\\par\n"
             "Eu, {responsavel}, declaro ter recebido o bem {codigo} - {descricao},\\par\n"
             "localizado em {localizacao}, responsabilizando-me por sua guarda.\\par\n"
             "{cidade}, {data}\\par}\n")},
    };

    SystemDef cp;
    cp.code = QStringLiteral("CP");
    cp.name = QStringLiteral("Compras");
    cp.programName = QStringLiteral("compras");
    cp.permanent = {
        companyRegister(),
        partnerRegister(u"fornecedores.dat"),
        table(u"produtos.dat", 25,
              {{FieldType::Sequence, 8},
               {FieldType::Text, 50, Products, Packages},
               {FieldType::Choice, 2, UnitCodes},
               {FieldType::Amount, 13, NoWords, NoWords, 7},
               {FieldType::Digits, 8}}),
        table(u"condições de pagamento.dat", 0,
              {{FieldType::Sequence, 3},
               {FieldType::Choice, 30, PaymentTerms},
               {FieldType::Digits, 3},
               {FieldType::Digits, 3}},
              8),
    };
    cp.annual = {
        table(u"resumo.dat", 30,
              {{FieldType::Digits, 8},
               {FieldType::Quantity, 9, NoWords, NoWords, 7},
               {FieldType::Amount, 15, NoWords, NoWords, 10},
               {FieldType::Amount, 15, NoWords, NoWords, 9},
               {FieldType::Partner, 18}}),
    };
    cp.monthly = {
        table(u"pedidos.dat", 25,
              {{FieldType::Sequence, 8},
               {FieldType::Date, 10},
               {FieldType::Partner, 18},
               {FieldType::Text, 50, Histories, Products, 6},
               {FieldType::Amount, 15, NoWords, NoWords, 9},
               {FieldType::Choice, 1, OrderStatus}}),
        table(u"notas de entrada.dat", 35,
              {{FieldType::Sequence, 8},
               {FieldType::Date, 10},
               {FieldType::Partner, 18},
               {FieldType::Digits, 9},
               {FieldType::Choice, 4, Cfops},
               {FieldType::Amount, 15, NoWords, NoWords, 9},
               {FieldType::Amount, 15, NoWords, NoWords, 8},
               {FieldType::Amount, 15, NoWords, NoWords, 7},
               {FieldType::Choice, 2, States}}),
        table(u"itens.dat", 120,
              {{FieldType::Digits, 9},
               {FieldType::Digits, 3},
               {FieldType::Digits, 8},
               {FieldType::Text, 45, Products, Packages},
               {FieldType::Quantity, 9, NoWords, NoWords, 5},
               {FieldType::Amount, 13, NoWords, NoWords, 7},
               {FieldType::Amount, 15, NoWords, NoWords, 9},
               {FieldType::Choice, 2, UnitCodes}}),
    };
    cp.templates = {
        {QStringLiteral("consultas/Compras por fornecedor.cns"),
         QStringLiteral("# Consulta: Compras por fornecedor\nTABELA mensal/notas de entrada.dat\n"
                        "CAMPOS fornecedor;numero;emissao;valor\nORDEM fornecedor, emissao\n"
                        "TOTAL valor POR fornecedor\n")},
        {QStringLiteral("consultas/Notas do mês.cns"),
         QStringLiteral("# Consulta: Notas de entrada do mês\nTABELA mensal/notas de entrada.dat\n"
                        "PERGUNTA mes \"Mês (AAAA-MM)\"\nCAMPOS numero;emissao;cfop;valor\n")},
        {QStringLiteral("etiquetas/Etiqueta de produto.etq"),
         QStringLiteral("LARGURA 80\nALTURA 25\nLINHA 1 {descricao:40}\nLINHA 2 \"Preço: \" "
                        "{preco}\nCODIGO_BARRAS {codigo}\n")},
        {QStringLiteral("documentos/Pedido de compra.rtf"),
         QStringLiteral("{\\rtf1\\ansi PEDIDO DE COMPRA N\\'ba {numero}\\par\n"
                        "Fornecedor: {fornecedor} - CNPJ {cnpj}\\par\n"
                        "Condição de pagamento: {condicao}\\par\n{itens}\\par\n"
                        "Total: R$ {total}\\par}\n")},
    };

    SystemDef lf;
    lf.code = QStringLiteral("LF");
    lf.name = QStringLiteral("Livros Fiscais");
    lf.programName = QStringLiteral("livros");
    lf.permanent = {
        companyRegister(),
        partnerRegister(u"participantes.dat"),
        table(u"tabelas/cfop.dat", 0,
              {{FieldType::Choice, 4, Cfops}, {FieldType::Text, 60, Histories, Histories}}, 40),
        table(u"tabelas/ncm.dat", 8,
              {{FieldType::Digits, 8},
               {FieldType::Text, 60, Products, Packages},
               {FieldType::Digits, 4}}),
        table(u"observações fiscais.dat", 4,
              {{FieldType::Sequence, 5},
               {FieldType::Date, 10},
               {FieldType::Text, 80, Histories, Histories, 8}}),
    };
    lf.annual = {
        table(u"apuracao.dat", 10,
              {{FieldType::DateCompact, 8},
               {FieldType::Choice, 4, Cfops},
               {FieldType::Amount, 15, NoWords, NoWords, 10},
               {FieldType::Amount, 15, NoWords, NoWords, 10},
               {FieldType::Amount, 15, NoWords, NoWords, 9},
               {FieldType::Amount, 15, NoWords, NoWords, 9}}),
        table(u"inventário.dat", 40,
              {{FieldType::Digits, 8},
               {FieldType::Text, 50, Products, Packages},
               {FieldType::Quantity, 9, NoWords, NoWords, 6},
               {FieldType::Amount, 13, NoWords, NoWords, 7},
               {FieldType::Amount, 15, NoWords, NoWords, 10}}),
    };
    lf.monthly = {
        fiscalBook(u"livros/entradas.dat", 80),
        fiscalBook(u"livros/saidas.dat", 110),
        table(u"apuração ICMS.dat", 6,
              {{FieldType::Choice, 4, Cfops},
               {FieldType::Amount, 15, NoWords, NoWords, 10},
               {FieldType::Amount, 15, NoWords, NoWords, 10},
               {FieldType::Amount, 15, NoWords, NoWords, 9},
               {FieldType::Amount, 15, NoWords, NoWords, 9},
               {FieldType::Text, 40, Histories, Histories}}),
    };
    lf.templates = {
        {QStringLiteral("consultas/Entradas por CFOP.cns"),
         QStringLiteral("# Consulta: Entradas por CFOP\nTABELA mensal/livros/entradas.dat\n"
                        "CAMPOS cfop;valor_contabil;base;icms\nTOTAL valor_contabil POR cfop\n")},
        {QStringLiteral("consultas/Resumo de apuração.cns"),
         QStringLiteral("# Consulta: Resumo da apuração do ICMS\nTABELA mensal/apuração ICMS.dat\n"
                        "CAMPOS cfop;debitos;creditos;saldo\n")},
        {QStringLiteral("etiquetas/Etiqueta de arquivo.etq"),
         QStringLiteral("LARGURA 100\nALTURA 40\nLINHA 1 {empresa}\nLINHA 2 \"Livros Fiscais \" "
                        "{periodo}\n")},
        {QStringLiteral("documentos/Termo de abertura.rtf"),
         QStringLiteral(
             "{\\rtf1\\ansi TERMO DE ABERTURA\\par\n"
             "Este livro contém {paginas} folhas numeradas e servirá para o registro\\par\n"
             "das operações de {empresa}, CNPJ {cnpj}.\\par}\n")},
    };

    for (auto *system : {&at, &cp, &lf}) {
        system->readme
            = QStringLiteral(
                  "%1 - %2\r\n\r\nSistema de demonstração gerado pelo Resguarda.\r\n"
                  "Os dados das empresas ficam em empresas\\, os modelos de documentos "
                  "em modelos\\.\r\nAntes de uma atualização, de um fechamento anual ou "
                  "do envio de dados para o Arquivo Morto, faça a Cópia de Segurança.\r\n")
                  .arg(system->code, system->name);
        systems.push_back(std::move(*system));
    }
    return systems;
}

// Names of the first companies; later ones are combinations of the lists below.
constexpr const char16_t *fixedCompanyNames[] = {
    u"Padaria São João Ltda",
    u"Construções Ângelo & Filhos Ltda",
    u"Açougue Boa Esperança ME",
    u"Transportes Irmãos Araújo Ltda",
    u"Farmácia Nossa Senhora Aparecida EIRELI",
    u"Comércio de Materiais Elétricos Luz & Força Ltda",
    u"Ótica Visão Clara ME",
    u"Indústria de Móveis Três Pinheiros S.A.",
    u"Mercearia Dona Conceição ME",
    u"Auto Peças Paraná Ltda - EPP",
    u"Confecções Maré Alta Ltda",
    u"Clínica Odontológica Sorriso Pleno S/S",
};
constexpr const char16_t *companyKinds[] = {
    u"Padaria",       u"Açougue",   u"Construções", u"Transportes",  u"Farmácia",
    u"Ótica",         u"Mercearia", u"Auto Peças",  u"Confecções",   u"Serralheria",
    u"Distribuidora", u"Papelaria", u"Marcenaria",  u"Panificadora", u"Materiais de Construção",
    u"Laticínios",
};
constexpr const char16_t *companyNames[] = {
    u"Santa Luzia",  u"São Jorge",        u"Nova Aliança", u"Três Irmãos", u"Conceição",
    u"Boa Vista",    u"Irmãos Gonçalves", u"Vitória",      u"Primavera",   u"Bela União",
    u"Maringá",      u"Ipê Amarelo",      u"Guaraná",      u"Paraíso",     u"João & Márcia",
    u"Estrela Guia", u"Mãe Rainha",       u"Jacarandá",    u"Itaúna",      u"Brasília",
};
constexpr const char16_t *companySuffixes[] = {u"Ltda", u"ME", u"EIRELI", u"S.A.", u"Ltda - EPP"};

template<typename T, std::size_t N> constexpr int countOf(const T (&)[N])
{
    return int(N);
}

QString companyName(int index)
{
    if (index < countOf(fixedCompanyNames))
        return QString::fromUtf16(fixedCompanyNames[index]);
    const int k = index - countOf(fixedCompanyNames);
    const int kinds = countOf(companyKinds), names = countOf(companyNames),
              suffixes = countOf(companySuffixes);
    QString name = QString::fromUtf16(companyKinds[k % kinds]) + u' '
        + QString::fromUtf16(companyNames[(k / kinds) % names]) + u' '
        + QString::fromUtf16(companySuffixes[(k / (kinds * names)) % suffixes]);
    // Past every combination, branches keep names unique.
    const int round = k / (kinds * names * suffixes);
    if (round > 0)
        name += QStringLiteral(" - Filial %1").arg(round + 1);
    return name;
}

// FNV-1a: a hash that, unlike qHash, is the same in every process and on
// every machine, so seeds derived from paths are reproducible.
quint64 stableHash(const QByteArray &bytes, quint64 hash = 0xcbf29ce484222325ULL)
{
    for (char c : bytes) {
        hash ^= quint8(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

QRandomGenerator seededGenerator(quint32 seed, quint32 tag, quint64 hash)
{
    const quint32 words[] = {seed, tag, quint32(hash), quint32(hash >> 32)};
    return QRandomGenerator(words);
}

struct Company
{
    int index = 0;
    QString code;
    QString name;
    QString cnpj;
    QByteArray codeLatin1;
    QByteArray nameLatin1; // upper case, as the legacy tables store names
    QByteArray cnpjLatin1;
    quint32 systemsMask = 0; // bit i: registered in system i
    double factor = 1; // relative size of its data
    int archivedYears = minArchivedYears;
    std::vector<QByteArray> partners; // formatted CNPJs of suppliers and customers
};

enum class Content { Bytes, Binary, Table };

struct PlannedFile
{
    QString relativePath; // from the root, '/'-separated
    Content content = Content::Bytes;
    QByteArray bytes; // Content::Bytes
    qint64 binarySize = 0; // Content::Binary
    const TableDef *table = nullptr; // Content::Table
    const Company *company = nullptr;
    const SystemDef *system = nullptr;
    double weight = 0;
    qint64 firstDay = 0, lastDay = 0; // Julian days of the records' dates
    QDateTime modified;
};

quint64 powerOfTen(int exponent)
{
    quint64 value = 1;
    while (exponent-- > 0)
        value *= 10;
    return value;
}

void writeDigits(char *out, int width, quint64 value)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
}

// Copies text into [out, end), left-aligned; returns the new position.
char *appendText(char *out, char *end, const QByteArray &text)
{
    const qint64 count = std::min<qint64>(text.size(), end - out);
    std::memcpy(out, text.constData(), size_t(count));
    return out + count;
}

char *appendNumber(char *out, char *end, quint64 value)
{
    char digits[20];
    int count = 0;
    do {
        digits[count++] = char('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (count > 0 && out < end)
        *out++ = digits[--count];
    return out;
}

void writeDate(char *out, qint64 julianDay, bool compact)
{
    int year, month, day;
    QDate::fromJulianDay(julianDay).getDate(&year, &month, &day);
    if (compact) {
        writeDigits(out, 4, quint64(year));
        writeDigits(out + 4, 2, quint64(month));
        writeDigits(out + 6, 2, quint64(day));
    } else {
        writeDigits(out, 2, quint64(day));
        out[2] = '/';
        writeDigits(out + 3, 2, quint64(month));
        out[5] = '/';
        writeDigits(out + 6, 4, quint64(year));
    }
}

class Generator
{
public:
    Generator(const QString &root, const DemoParameters &params, int lastYear, bool clampToNow)
        : m_root(root)
        , m_params(params)
        , m_lastYear(lastYear)
        , m_clampToNow(clampToNow)
        , m_now(QDateTime::currentDateTimeUtc())
        , m_systems(makeSystems())
        , m_words(makeWordLists())
    {
    }

    OperationError run(const std::function<void(qint64, qint64)> &progress);

private:
    template<typename Visit> bool enumerate(Visit &&visit) const;
    Company makeCompany(int index) const;
    QDateTime fileTime(const QDate &date) const;
    qint64 tableRecords(const PlannedFile &file) const;
    qint64 plannedSize(const PlannedFile &file) const;
    double periodJitter(const QString &relativePath) const;

    OperationError writePlanned(const PlannedFile &file);
    bool fillTable(const PlannedFile &file, QFile &out);
    bool fillBinary(const PlannedFile &file, QFile &out);
    bool flushBuffer(QFile &out, qint64 used);
    char *writeRecord(char *out, const PlannedFile &file, qint64 sequence, qint64 count,
                      QRandomGenerator &random) const;
    const QByteArray &pick(Words list, QRandomGenerator &random) const
    {
        const auto &words = m_words[list];
        return words[random.bounded(quint32(words.size()))];
    }
    OperationError writeError(const QString &path, const QString &reason) const;

    QString m_root;
    DemoParameters m_params;
    int m_lastYear;
    bool m_clampToNow;
    QDateTime m_now;
    std::vector<SystemDef> m_systems;
    WordLists m_words;

    // Sizing: every table gets its minimum plus weight * m_scale bytes.
    double m_scale = 0;
    qint64 m_programSize = 0;

    QByteArray m_buffer;
    QSet<QString> m_createdDirs;
    qint64 m_written = 0;
    qint64 m_total = 0;
    std::function<void(qint64, qint64)> m_progress;
};

Company Generator::makeCompany(int index) const
{
    // Everything about a company comes from its own generator, so it is the
    // same company (name, CNPJ, partners) in every system it is registered in.
    auto random = seededGenerator(m_params.seed, 0xC0C0, quint64(index));
    Company company;
    company.index = index;
    company.code = QStringLiteral("%1").arg(index + 1, 4, 10, QLatin1Char('0'));
    company.name = companyName(index);
    // Eight-digit roots run through a permutation of their range, so no two
    // companies share a CNPJ whatever their number; the branch is 0001, the
    // head office.
    constexpr quint64 rootFirst = 10000000, rootRange = 90000000;
    constexpr quint64 rootStride = 7919317; // coprime with rootRange (no factor 2, 3 or 5)
    const quint64 rootOffset
        = seededGenerator(m_params.seed, 0xC0DE, 0).bounded(quint32(rootRange));
    const quint64 root = rootFirst + (rootOffset + quint64(index) * rootStride) % rootRange;
    company.cnpj = Cnpj::fromBase(root * 10000 + 1);
    company.codeLatin1 = company.code.toLatin1();
    company.nameLatin1 = company.name.toUpper().toLatin1();
    company.cnpjLatin1 = company.cnpj.toLatin1();

    // The first company is in every system and the largest; the others are
    // in most systems, never in none.
    const int systemCount = int(m_systems.size());
    const quint32 allSystems = (1u << systemCount) - 1;
    if (index == 0) {
        company.systemsMask = allSystems;
        company.factor = 3.0;
        company.archivedYears = maxArchivedYears;
    } else {
        for (int i = 0; i < systemCount; ++i) {
            if (random.bounded(100) < 80)
                company.systemsMask |= 1u << i;
        }
        if (company.systemsMask == 0)
            company.systemsMask = 1u << random.bounded(systemCount);
        company.factor = 0.3 + 1.7 * random.generateDouble();
        company.archivedYears = int(random.bounded(minArchivedYears, maxArchivedYears + 1));
    }

    const int partnerCount = 48;
    company.partners.reserve(partnerCount);
    for (int i = 0; i < partnerCount; ++i) {
        const quint64 root = random.bounded(1000000u, 99999999u);
        const quint64 branch = 1 + random.bounded(3);
        company.partners.push_back(Cnpj::fromBase(root * 10000 + branch).toLatin1());
    }
    return company;
}

QDateTime Generator::fileTime(const QDate &date) const
{
    // End of the working day, in UTC so the tree does not depend on the time zone.
    QDateTime time(date, QTime(18, 0), Qt::UTC);
    // ZIP's DOS timestamps start in 1980.
    const QDateTime earliest(QDate(1980, 1, 1), QTime(12, 0), Qt::UTC);
    if (time < earliest)
        time = earliest;
    if (m_clampToNow && time > m_now)
        time = m_now;
    return time;
}

double Generator::periodJitter(const QString &relativePath) const
{
    // ±20% per table and period, the same for the same seed.
    const quint64 hash = stableHash(relativePath.toUtf8(), m_params.seed * 0x9E3779B97F4A7C15ULL);
    return 0.8 + 0.4 * double(hash % 1000) / 1000.0;
}

template<typename Visit> bool Generator::enumerate(Visit &&visit) const
{
    PlannedFile file;
    auto visitBytes = [&](const QString &path, const QByteArray &bytes, const QDateTime &time) {
        file = PlannedFile();
        file.relativePath = path;
        file.content = Content::Bytes;
        file.bytes = bytes;
        file.modified = time;
        return visit(file);
    };
    const QDateTime referenceTime = fileTime(QDate(m_lastYear, 12, 31));
    const int firstActiveYear = m_lastYear - m_params.years + 1;

    QJsonArray systemList;
    for (const auto &system : m_systems)
        systemList.append(QJsonObject {{QStringLiteral("codigo"), system.code},
                                       {QStringLiteral("nome"), system.name}});
    const QJsonObject systems {{QStringLiteral("formato"), 1},
                               {QStringLiteral("sistemas"), systemList}};
    if (!visitBytes(QString::fromUtf16(InstallationLayout::systemsFileName),
                    QJsonDocument(systems).toJson(QJsonDocument::Indented), referenceTime))
        return false;

    for (int s = 0; s < int(m_systems.size()); ++s) {
        const SystemDef &system = m_systems[s];
        const QString systemDir = system.code + u'/';

        // Program files: part of the tree, never part of a copy.
        if (!visitBytes(systemDir + QStringLiteral("leiame.txt"), system.readme.toUtf8(),
                        referenceTime))
            return false;
        const QString config
            = QStringLiteral(
                  "[Sistema]\r\nCodigo=%1\r\nNome=%2\r\nVersao=%3.12\r\nDados=empresas\r\n"
                  "Modelos=modelos\r\n")
                  .arg(system.code, system.name)
                  .arg(m_lastYear);
        if (!visitBytes(systemDir + QStringLiteral("programa/config.ini"), config.toUtf8(),
                        referenceTime))
            return false;
        file = PlannedFile();
        file.relativePath
            = systemDir + QStringLiteral("programa/") + system.programName + QStringLiteral(".bin");
        file.content = Content::Binary;
        file.binarySize = m_programSize;
        file.modified = referenceTime;
        if (!visit(file))
            return false;

        const QString templatesDir
            = systemDir + QString::fromUtf16(InstallationLayout::templatesDirName) + u'/';
        for (const auto &templateDef : system.templates) {
            if (!visitBytes(templatesDir + templateDef.path, templateDef.text.toUtf8(),
                            referenceTime))
                return false;
        }

        const QString companiesDir
            = systemDir + QString::fromUtf16(InstallationLayout::companiesDirName) + u'/';
        for (int c = 0; c < m_params.companies; ++c) {
            const Company company = makeCompany(c);
            if (!(company.systemsMask & (1u << s)))
                continue;
            const QString companyDir = companiesDir + company.code + u'/';
            const QJsonObject companyJson {{QStringLiteral("codigo"), company.code},
                                           {QStringLiteral("razaoSocial"), company.name},
                                           {QStringLiteral("cnpj"), company.cnpj}};
            if (!visitBytes(companyDir + QString::fromUtf16(InstallationLayout::companyFileName),
                            QJsonDocument(companyJson).toJson(QJsonDocument::Indented),
                            referenceTime))
                return false;

            const int firstYear = firstActiveYear - company.archivedYears;
            auto visitTable = [&](const QString &path, const TableDef &def, double weight,
                                  const QDate &first, const QDate &last) {
                file = PlannedFile();
                file.relativePath = path;
                file.content = Content::Table;
                file.table = &def;
                file.company = &company;
                file.system = &system;
                file.weight = weight * company.factor * periodJitter(path);
                file.firstDay = first.toJulianDay();
                file.lastDay = last.toJulianDay();
                file.modified = fileTime(last);
                return visit(file);
            };

            for (const auto &def : system.permanent) {
                if (!visitTable(companyDir + def.fileName, def, def.weight, QDate(firstYear, 1, 1),
                                QDate(m_lastYear, 12, 31)))
                    return false;
            }
            for (int year = firstYear; year <= m_lastYear; ++year) {
                const bool archived = year < firstActiveYear;
                const QString datedDir
                    = companyDir + (archived ? QStringLiteral("morto/") : QString());
                // A business grows: later years hold more records.
                const double growth = 1.0 + 0.15 * (year - firstYear);
                for (const auto &def : system.annual) {
                    const QString path
                        = datedDir + QStringLiteral("anual/%1/").arg(year) + def.fileName;
                    if (!visitTable(path, def, def.weight * growth, QDate(year, 1, 1),
                                    QDate(year, 12, 31)))
                        return false;
                }
                for (int month = 1; month <= 12; ++month) {
                    const QDate first(year, month, 1);
                    const QDate last(year, month, first.daysInMonth());
                    // December closes the year and holds the most movement.
                    const double season = month == 12 ? 1.5 : month == 1 ? 0.8 : 1.0;
                    const QString monthDir = datedDir
                        + QStringLiteral("mensal/%1-%2/")
                              .arg(year)
                              .arg(month, 2, 10, QLatin1Char('0'));
                    for (const auto &def : system.monthly) {
                        if (!visitTable(monthDir + def.fileName, def, def.weight * growth * season,
                                        first, last))
                            return false;
                    }
                }
            }
        }
    }
    return true;
}

qint64 Generator::tableRecords(const PlannedFile &file) const
{
    const TableDef &def = *file.table;
    if (def.weight == 0)
        return def.fixedRecords;
    return 1 + std::llround(file.weight * m_scale / def.recordLength);
}

qint64 Generator::plannedSize(const PlannedFile &file) const
{
    switch (file.content) {
    case Content::Bytes:
        return file.bytes.size();
    case Content::Binary:
        return file.binarySize;
    case Content::Table:
        // A header record, then the data records.
        return (1 + tableRecords(file)) * file.table->recordLength;
    }
    return 0;
}

OperationError Generator::writeError(const QString &path, const QString &reason) const
{
    return OperationError::failed(
        DemoInstallation::tr("%1 could not be written: %2. The demo installation in %3 is "
                             "incomplete; delete that folder and try again.")
            .arg(QDir::toNativeSeparators(path), reason, QDir::toNativeSeparators(m_root)));
}

bool Generator::flushBuffer(QFile &out, qint64 used)
{
    if (used == 0)
        return true;
    if (out.write(m_buffer.constData(), used) != used)
        return false;
    m_written += used;
    if (m_progress)
        m_progress(m_written, m_total);
    return true;
}

char *Generator::writeRecord(char *out, const PlannedFile &file, qint64 sequence, qint64 count,
                             QRandomGenerator &random) const
{
    const Company &company = *file.company;
    for (const Field &field : file.table->fields) {
        char *end = out + field.width;
        switch (field.type) {
        case FieldType::Sequence:
            writeDigits(out, field.width, quint64(sequence));
            break;
        case FieldType::Date:
        case FieldType::DateCompact: {
            // Records are kept in date order through the period.
            const qint64 span = file.lastDay - file.firstDay + 1;
            const qint64 day = file.firstDay + (sequence - 1) * span / std::max<qint64>(count, 1);
            writeDate(out, day, field.type == FieldType::DateCompact);
            break;
        }
        case FieldType::Partner:
        case FieldType::PartnerBySequence: {
            const auto &partners = company.partners;
            const QByteArray &partner = field.type == FieldType::Partner
                ? partners[random.bounded(quint32(partners.size()))]
                : partners[size_t(sequence - 1) % partners.size()];
            char *p = appendText(out, end, partner);
            std::memset(p, ' ', size_t(end - p));
            break;
        }
        case FieldType::OwnCode:
        case FieldType::OwnName:
        case FieldType::OwnCnpj: {
            const QByteArray &text = field.type == FieldType::OwnCode ? company.codeLatin1
                : field.type == FieldType::OwnName                    ? company.nameLatin1
                                                                      : company.cnpjLatin1;
            char *p = appendText(out, end, text);
            std::memset(p, ' ', size_t(end - p));
            break;
        }
        case FieldType::Amount: {
            // Spread over orders of magnitude, as real amounts are.
            const int digits = 3 + int(random.bounded(quint32(field.magnitude - 2)));
            quint64 cents = random.generate64() % powerOfTen(digits);
            char *p = end;
            *--p = char('0' + cents % 10);
            cents /= 10;
            *--p = char('0' + cents % 10);
            cents /= 10;
            *--p = ',';
            do {
                *--p = char('0' + cents % 10);
                cents /= 10;
            } while (cents != 0 && p > out);
            std::memset(out, ' ', size_t(p - out));
            break;
        }
        case FieldType::Quantity:
            writeDigits(out, field.width,
                        1 + random.generate64() % (powerOfTen(field.magnitude) - 1));
            break;
        case FieldType::Text: {
            char *p = appendText(out, end, pick(field.list, random));
            if (field.list2 != NoWords && p < end && random.bounded(4) != 0) {
                *p++ = ' ';
                p = appendText(p, end, pick(field.list2, random));
            }
            if (field.magnitude > 0 && p < end && random.bounded(2) != 0) {
                *p++ = ' ';
                p = appendNumber(p, end, random.generate64() % powerOfTen(field.magnitude));
            }
            std::memset(p, ' ', size_t(end - p));
            break;
        }
        case FieldType::Choice: {
            char *p = appendText(out, end, pick(field.list, random));
            std::memset(p, ' ', size_t(end - p));
            break;
        }
        case FieldType::Digits:
            writeDigits(out, field.width, random.generate64() % powerOfTen(field.width));
            break;
        }
        out = end;
    }
    *out++ = '\r';
    *out++ = '\n';
    return out;
}

bool Generator::fillTable(const PlannedFile &file, QFile &out)
{
    const TableDef &def = *file.table;
    const qint64 length = def.recordLength;
    const qint64 count = tableRecords(file);
    auto random = seededGenerator(m_params.seed, 0x7AB1E, stableHash(file.relativePath.toUtf8()));
    char *const begin = m_buffer.data();
    char *const limit = begin + m_buffer.size();

    // The header record names the table, as the legacy format does.
    QByteArray header = QByteArray("#TABELA ") + QFileInfo(def.fileName).fileName().toLatin1()
        + " SISTEMA " + file.system->code.toLatin1() + " EMPRESA " + file.company->codeLatin1
        + " REGISTRO " + QByteArray::number(length) + " REGISTROS " + QByteArray::number(count);
    header = header.leftJustified(length - 2, ' ', true) + "\r\n";
    std::memcpy(begin, header.constData(), size_t(length));
    char *p = begin + length;

    for (qint64 sequence = 1; sequence <= count; ++sequence) {
        if (limit - p < length) {
            if (!flushBuffer(out, p - begin))
                return false;
            p = begin;
        }
        p = writeRecord(p, file, sequence, count, random);
    }
    return flushBuffer(out, p - begin);
}

bool Generator::fillBinary(const PlannedFile &file, QFile &out)
{
    // Program files only need to exist and have a plausible size; random
    // bytes keep them from compressing unrealistically well.
    auto random = seededGenerator(m_params.seed, 0xB1A, stableHash(file.relativePath.toUtf8()));
    qint64 remaining = file.binarySize;
    while (remaining > 0) {
        const qint64 chunk = std::min<qint64>(remaining, m_buffer.size()) & ~qint64(3);
        if (chunk == 0) {
            std::memset(m_buffer.data(), 0, size_t(remaining));
            return flushBuffer(out, remaining);
        }
        random.fillRange(reinterpret_cast<quint32 *>(m_buffer.data()), chunk / 4);
        if (!flushBuffer(out, chunk))
            return false;
        remaining -= chunk;
    }
    return true;
}

OperationError Generator::writePlanned(const PlannedFile &file)
{
    const QString path = m_root + u'/' + file.relativePath;
    const QString dir = path.left(path.lastIndexOf(u'/'));
    if (!m_createdDirs.contains(dir)) {
        if (!QDir().mkpath(dir))
            return writeError(dir, DemoInstallation::tr("the folder could not be created"));
        // Folder creation is slow on busy file systems: remember the recent
        // ones, forgetting them now and then to keep memory bounded.
        if (m_createdDirs.size() > 4096)
            m_createdDirs.clear();
        m_createdDirs.insert(dir);
    }

    QFile out(path);
    // Unbuffered: records are already batched, and the modification time set
    // below must not be overwritten by a late flush on close.
    if (!out.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return writeError(path, out.errorString());
    bool written = true;
    switch (file.content) {
    case Content::Bytes:
        written = out.write(file.bytes) == file.bytes.size();
        if (written) {
            m_written += file.bytes.size();
            if (m_progress)
                m_progress(m_written, m_total);
        }
        break;
    case Content::Binary:
        written = fillBinary(file, out);
        break;
    case Content::Table:
        written = fillTable(file, out);
        break;
    }
    if (!written)
        return writeError(path, out.errorString());
    if (!out.setFileTime(file.modified, QFileDevice::FileModificationTime))
        return writeError(path, out.errorString());
    out.close();
    if (out.error() != QFileDevice::NoError)
        return writeError(path, out.errorString());
    return OperationError::none();
}

OperationError Generator::run(const std::function<void(qint64, qint64)> &progress)
{
    const qint64 target = qint64(m_params.sizeMb) * mebibyte;
    // One program file per system: about 1% of the data, within sane bounds.
    m_programSize = std::clamp<qint64>(target / 100, 16 * 1024, 2 * mebibyte);

    // First pass: what is fixed (small files, programs, one record per table)
    // and the total weight over which the rest is shared.
    double totalWeight = 0;
    qint64 fixedBytes = 0;
    enumerate([&](const PlannedFile &file) {
        fixedBytes += plannedSize(file); // m_scale is still 0: minimum sizes
        if (file.content == Content::Table)
            totalWeight += file.weight;
        return true;
    });
    m_scale = totalWeight > 0 ? std::max(0.0, double(target - fixedBytes) / totalWeight) : 0.0;

    // Second pass: the exact total, so progress is exact from the start.
    m_total = 0;
    enumerate([&](const PlannedFile &file) {
        m_total += plannedSize(file);
        return true;
    });

    m_progress = progress;
    m_written = 0;
    m_buffer.resize(writeBufferSize);
    if (m_progress)
        m_progress(0, m_total);

    OperationError error;
    enumerate([&](const PlannedFile &file) {
        error = writePlanned(file);
        return !error.isError();
    });
    if (error)
        return error;

    // Sessions are created by the clients; an installation with nobody
    // connected has the folder and nothing in it.
    const QString sessions
        = m_root + u'/' + QString::fromUtf16(InstallationLayout::sessionsDirName);
    if (!QDir().mkpath(sessions))
        return writeError(sessions, DemoInstallation::tr("the folder could not be created"));
    return OperationError::none();
}

} // namespace

OperationError DemoInstallation::create(const QString &root, const DemoParameters &params,
                                        const std::function<void(qint64, qint64)> &progress)
{
    if (root.isEmpty())
        return OperationError::usage(
            tr("Give the folder where the demo installation is to be created."));
    if (params.companies < minCompanies || params.companies > maxCompanies)
        return OperationError::usage(
            tr("The number of companies must be between %1 and %2; %3 was given.")
                .arg(minCompanies)
                .arg(maxCompanies)
                .arg(params.companies));
    if (params.years < minYears || params.years > maxYears)
        return OperationError::usage(
            tr("The number of years must be between %1 and %2; %3 was given.")
                .arg(minYears)
                .arg(maxYears)
                .arg(params.years));
    if (params.sizeMb < minSizeMb || params.sizeMb > maxSizeMb)
        return OperationError::usage(tr("The size must be between %1 and %2 MB; %3 was given.")
                                         .arg(minSizeMb)
                                         .arg(maxSizeMb)
                                         .arg(params.sizeMb));
    if (params.lastYear != 0 && (params.lastYear < minLastYear || params.lastYear > maxLastYear))
        return OperationError::usage(tr("The last year must be between %1 and %2; %3 was given.")
                                         .arg(minLastYear)
                                         .arg(maxLastYear)
                                         .arg(params.lastYear));

    const QFileInfo rootInfo(root);
    if (rootInfo.exists() || rootInfo.isSymLink()) {
        if (!rootInfo.isDir())
            return OperationError::usage(
                tr("%1 is not a folder. Give a new or empty folder for the demo installation.")
                    .arg(QDir::toNativeSeparators(root)));
        const QDir dir(root);
        if (!dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
            return OperationError::usage(
                tr("%1 is not empty. Give a new or empty folder for the demo installation; "
                   "existing files are never overwritten.")
                    .arg(QDir::toNativeSeparators(root)));
    }
    if (!QDir().mkpath(root))
        return OperationError::failed(
            tr("The folder %1 could not be created. Check the path and its permissions.")
                .arg(QDir::toNativeSeparators(root)));

    const bool currentYear = params.lastYear == 0;
    const int lastYear = currentYear ? QDate::currentDate().year() : params.lastYear;
    Generator generator(QFileInfo(root).absoluteFilePath(), params, lastYear, currentYear);
    return generator.run(progress);
}

} // namespace Resguarda
